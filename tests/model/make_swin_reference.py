#!/usr/bin/python3
"""Reference data for tst_swin_parity, made with Debian's python3-torchvision (code nobody here wrote).

Writes into --out:
  swin_t_torchvision.pth   torchvision swin_t state dict (OrderedDict, zip format), seeded random weights
  swin_t_microsoft.pth     the same tensors under Microsoft's Swin names, wrapped as {"model": ...}
  input.f32, logits_imagenet.f32   a [2,3,224,224] batch and torchvision's [2,1000] logits
  six_heads.ts.pt, logits_six.f32  a traced six-head model (swin_t backbone + six Linear(768,1)) and its logits
  tiny_*                   a tiny swin (40 px input: padded windows, odd patch merging) and broken variants
  manifest.json            shapes and names
"""
import argparse
import collections
import json
import os
import zipfile

import torch
import torchvision
from torch import nn
from torchvision.models.swin_transformer import SwinTransformer


def spread(model, seed):
    # torchvision leaves LayerNorms at 1/0 and biases at ~0; perturb them so a swapped, dropped or
    # transposed tensor changes the logits.
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("bias") or "norm" in name:
                p.add_(torch.randn(p.shape, generator=g) * 0.05)


def to_microsoft(sd, depths):
    """torchvision names -> Microsoft Swin names (downsample at the end of each stage, mlp.fc1/fc2)."""
    out = collections.OrderedDict()
    for k, v in sd.items():
        parts = k.split(".")
        if k.startswith("features.0.0."):
            nk = "patch_embed.proj." + parts[-1]
        elif k.startswith("features.0.2."):
            nk = "patch_embed.norm." + parts[-1]
        elif k.startswith("features."):
            idx = int(parts[1])
            if idx % 2 == 1:  # a stage
                stage, block, rest = (idx - 1) // 2, parts[2], ".".join(parts[3:])
                rest = rest.replace("mlp.0.", "mlp.fc1.").replace("mlp.3.", "mlp.fc2.")
                if rest == "attn.relative_position_index":
                    n = int(v.numel() ** 0.5)
                    v = v.view(n, n)  # Microsoft keeps it square
                nk = "layers.%d.blocks.%s.%s" % (stage, block, rest)
            else:  # patch merging after stage idx/2 - 1
                nk = "layers.%d.downsample.%s" % (idx // 2 - 1, ".".join(parts[2:]))
        else:
            nk = k  # norm.*, head.*
        out[nk] = v
    # Microsoft also stores the shift masks of odd blocks; they must be ignored on import.
    for s, d in enumerate(depths):
        for b in range(1, d, 2):
            out["layers.%d.blocks.%d.attn_mask" % (s, b)] = torch.zeros(4, 49, 49)
    return out


class SixHeads(nn.Module):
    def __init__(self, backbone):
        super().__init__()
        backbone.head = nn.Identity()
        self.backbone = backbone
        self.heads = nn.ModuleList([nn.Linear(768, 1) for _ in range(6)])

    def forward(self, x):
        f = self.backbone(x)
        return torch.cat([h(f) for h in self.heads], 1)


def image_batch(path, size, seed):
    mean = torch.tensor([0.485, 0.456, 0.406]).view(3, 1, 1)
    std = torch.tensor([0.229, 0.224, 0.225]).view(3, 1, 1)
    g = torch.Generator().manual_seed(seed)
    rows = []
    if path and os.path.exists(path):
        from PIL import Image
        img = Image.open(path).convert("RGB").resize((size, size), Image.BILINEAR)
        t = torch.frombuffer(bytearray(img.tobytes()), dtype=torch.uint8).view(size, size, 3)
        rows.append((t.permute(2, 0, 1).float() / 255 - mean) / std)
    while len(rows) < 2:
        rows.append(torch.randn(3, size, size, generator=g))
    return torch.stack(rows).contiguous()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--image", default="")
    ap.add_argument("--seed", type=int, default=1234)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    out = lambda n: os.path.join(a.out, n)
    torch.manual_seed(a.seed)
    torch.set_num_threads(1)

    model = torchvision.models.swin_t().eval()
    spread(model, a.seed)
    sd = model.state_dict()
    assert isinstance(sd, collections.OrderedDict)
    torch.save(sd, out("swin_t_torchvision.pth"))
    torch.save({"model": to_microsoft(sd, [2, 2, 6, 2])}, out("swin_t_microsoft.pth"))
    x = image_batch(a.image, 224, a.seed)
    with torch.no_grad():
        logits = model(x)
    x.numpy().tofile(out("input.f32"))
    logits.numpy().tofile(out("logits_imagenet.f32"))

    six = SixHeads(torchvision.models.swin_t()).eval()
    six.backbone.load_state_dict({k: v for k, v in sd.items() if not k.startswith("head.")}, strict=False)
    with torch.no_grad():
        for h in six.heads:
            h.weight.normal_(0, 0.05)
            h.bias.normal_(0, 0.5)
        traced = torch.jit.trace(six, x, check_trace=False)
        six_logits = six(x)
    meta = {"attribute_order": ["lighting", "background", "attire", "expression", "framing", "sharpness"],
            "thresholds": {"lighting": 0.4, "background": 0.5, "attire": 0.55, "expression": 0.6,
                           "framing": 0.45, "sharpness": 0.5},
            "model_version": "pytest-seed-%d" % a.seed,
            "provenance": {"trainer": "make_swin_reference.py"}}
    torch.jit.save(traced, out("six_heads.ts.pt"), _extra_files={"hqa_meta.json": json.dumps(meta)})
    six_logits.numpy().tofile(out("logits_six.f32"))

    # Tiny swin: 40 px -> 10x10 tokens, window 4 (padding to 12), odd 5x5 grid at the merge.
    tiny = SwinTransformer(patch_size=[4, 4], embed_dim=16, depths=[2, 2], num_heads=[2, 4],
                           window_size=[4, 4], num_classes=10).eval()
    spread(tiny, a.seed + 1)
    tsd = tiny.state_dict()
    torch.save(tsd, out("tiny_torchvision.pth"))
    tx = image_batch("", 40, a.seed + 2)
    with torch.no_grad():
        tiny(tx).numpy().tofile(out("tiny_logits.f32"))
    tx.numpy().tofile(out("tiny_input.f32"))

    # Broken variants (small, built from the tiny model).
    missing = collections.OrderedDict((k, v) for k, v in tsd.items() if k != "features.3.1.norm2.weight")
    torch.save(missing, out("tiny_missing.pth"))
    bad = collections.OrderedDict(tsd)
    bad["features.3.0.attn.qkv.weight"] = torch.zeros(10, 32)
    torch.save(bad, out("tiny_misshaped.pth"))
    extra = collections.OrderedDict(tsd)
    extra["features.9.extra.weight"] = torch.zeros(3)
    torch.save(extra, out("tiny_unexpected.pth"))
    torch.save(tsd, out("tiny_legacy.pth"), _use_new_zipfile_serialization=False)
    torch.save(collections.OrderedDict(conv=torch.zeros(3, 3)), out("tiny_not_swin.pth"))
    with zipfile.ZipFile(out("tiny_foreign.zip"), "w") as z:
        z.writestr("readme.txt", "not a model")
    with open(out("tiny_torchvision.pth"), "rb") as f:
        blob = f.read()
    with open(out("tiny_truncated.pth"), "wb") as f:
        f.write(blob[: len(blob) // 2])

    json.dump({"input": list(x.shape), "logits_imagenet": list(logits.shape), "logits_six": list(six_logits.shape),
               "tiny_input": list(tx.shape), "tiny_logits": [tx.shape[0], 10],
               "torch": torch.__version__, "torchvision": torchvision.__version__},
              open(out("manifest.json"), "w"))


if __name__ == "__main__":
    main()
