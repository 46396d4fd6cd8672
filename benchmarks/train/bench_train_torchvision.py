#!/usr/bin/python3
"""Python side of the training-step benchmark: torchvision swin_t with six binary heads on the pooled
feature, one AdamW step (forward, BCE-with-logits backward, update) per repeat, same weights and threads.

--save-weights FILE   write seeded swin_t weights (OrderedDict, zip format) and exit
--weights FILE ...    time steps; prints one JSON object with the step times per batch size
"""
import argparse
import json
import statistics
import time

import torch
import torchvision


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--save-weights")
    ap.add_argument("--weights")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--batches", default="8,32")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    if a.save_weights:
        torch.manual_seed(0)
        torch.save(torchvision.models.swin_t().state_dict(), a.save_weights)
        return
    model = torchvision.models.swin_t()
    model.load_state_dict(torch.load(a.weights))
    heads = torch.nn.Linear(768, 6)
    model.train()
    params = list(model.parameters()) + list(heads.parameters())
    opt = torch.optim.AdamW(params, lr=5e-5)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    g = torch.Generator().manual_seed(1)
    result = {"threads": torch.get_num_threads(), "torch": torch.__version__, "batches": {}}
    for b in [int(x) for x in a.batches.split(",")]:
        x = torch.randn(b, 3, 224, 224, generator=g)
        y = (torch.rand(b, 6, generator=g) < 0.5).float()

        def step():
            f = model.flatten(model.avgpool(model.permute(model.norm(model.features(x)))))
            model.head(f)  # the C++ network computes its ImageNet head too (no gradient reaches it)
            loss = loss_fn(heads(f), y)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()

        step()  # warm-up: allocations, AdamW state
        times = []
        for _ in range(a.reps):
            t = time.perf_counter()
            step()
            times.append((time.perf_counter() - t) * 1000)
        result["batches"][str(b)] = {"median_ms": statistics.median(times), "times_ms": times}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
