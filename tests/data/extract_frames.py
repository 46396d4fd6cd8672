#!/usr/bin/python3
"""Extracts frames of photos/franck.mp4 into frames/franck_NNNNN.png (NNNNN = 0-based frame index
in the mp4): every 100th frame for a spread across the whole video, plus every frame that
tests/data/base_labels.csv uses as a base of the evaluation set."""
import csv
import os
import re
import sys

import cv2

SPREAD_STEP = 100


def needed_frames(here):
    frames = set()
    table = os.path.join(here, "base_labels.csv")
    if os.path.exists(table):
        with open(table, newline="") as fh:
            for row in csv.DictReader(fh):
                m = re.match(r"frames/franck_(\d+)\.png$", row["image"])
                if m:
                    frames.add(int(m.group(1)))
    return frames


def main():
    cache = sys.argv[1]
    video = os.path.join(cache, "photos", "franck.mp4")
    out = os.path.join(cache, "frames")
    os.makedirs(out, exist_ok=True)
    cap = cv2.VideoCapture(video)
    if not cap.isOpened():
        sys.exit("cannot open %s (OpenCV built without a video backend?)" % video)
    total = int(cap.get(cv2.CAP_PROP_FRAME_COUNT))
    wanted = set(range(0, total, SPREAD_STEP)) | needed_frames(os.path.dirname(os.path.abspath(__file__)))
    last = max(wanted)
    index = 0
    written = 0
    # Sequential decoding: seeking in mp4 is not frame-exact with every backend.
    while index <= last:
        ok, frame = cap.read()
        if not ok:
            break
        if index in wanted:
            path = os.path.join(out, "franck_%05d.png" % index)
            if not os.path.exists(path):
                cv2.imwrite(path, frame)
                written += 1
        index += 1
    missing = [i for i in wanted if i >= index]
    if missing:
        sys.exit("franck.mp4 ended at frame %d; missing frames %s" % (index, sorted(missing)[:10]))
    print("frames: %d wanted, %d newly written" % (len(wanted), written))


if __name__ == "__main__":
    main()
