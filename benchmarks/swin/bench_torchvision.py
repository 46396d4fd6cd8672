#!/usr/bin/python3
"""Python side of the Swin-T benchmark: torchvision eager on the same weights, same thread count.

--save-weights FILE   write seeded swin_t weights (OrderedDict, zip format) and exit
--weights FILE ...    time batches; prints one JSON object: median/min ms per batch size, peak RSS
"""
import argparse
import json
import resource
import statistics
import time

import torch
import torchvision


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--save-weights")
    ap.add_argument("--weights")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--batches", default="1,8")
    ap.add_argument("--channels-last", action="store_true")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    if a.save_weights:
        torch.manual_seed(0)
        torch.save(torchvision.models.swin_t().state_dict(), a.save_weights)
        return
    model = torchvision.models.swin_t()
    model.load_state_dict(torch.load(a.weights))
    model.eval()
    result = {"threads": torch.get_num_threads(), "torch": torch.__version__, "batches": {}}
    g = torch.Generator().manual_seed(1)
    for b in [int(x) for x in a.batches.split(",")]:
        x = torch.randn(b, 3, 224, 224, generator=g)
        if a.channels_last:
            x = x.contiguous(memory_format=torch.channels_last)
        times, cpu = [], []
        with torch.inference_mode():
            for _ in range(3):
                model(x)
            for _ in range(a.reps):
                t, c = time.perf_counter(), time.process_time()
                model(x)
                times.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
        result["batches"][str(b)] = {"median_ms": statistics.median(times), "times_ms": times, "cpu_ms": cpu}
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
