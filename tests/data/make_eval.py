#!/usr/bin/python3
"""Builds the labelled evaluation set eval/labels.csv + eval/images/ in the test cache.

Bases and their hand-assigned labels come from tests/data/base_labels.csv (six characters in the
order lighting, background, attire, expression, framing, sharpness; 1 pass, 0 fail, - unknown).
Each base is written as it is, then as variants whose broken attribute is known by construction:
the transform sets that attribute, keeps the attributes it cannot change, and sets to '-' the
ones it might change. Everything is deterministic (fixed seeds, fixed transform rotation).

Usage: make_eval.py CACHE_DIR
"""
import csv
import hashlib
import os
import shutil
import sys

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
JPEG_QUALITY = 92
L, B, A, E, F, S = range(6)
HAAR = [
    "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml",
    "/usr/share/opencv/haarcascades/haarcascade_frontalface_default.xml",
]


# ---------------------------------------------------------------------------------------------
# helpers

def seed_of(text):
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)


def to_linear(img):
    x = img.astype(np.float32) / 255.0
    return np.where(x <= 0.04045, x / 12.92, ((x + 0.055) / 1.055) ** 2.4)


def to_srgb(lin):
    lin = np.clip(lin, 0.0, 1.0)
    x = np.where(lin <= 0.0031308, lin * 12.92, 1.055 * np.power(lin, 1 / 2.4) - 0.055)
    return np.clip(x * 255.0 + 0.5, 0, 255).astype(np.uint8)


class FaceFinder:
    """Largest frontal face (Haar cascade from Debian's opencv-data)."""

    def __init__(self):
        path = next((p for p in HAAR if os.path.exists(p)), None)
        if path is None:
            path = os.path.join(cv2.data.haarcascades, "haarcascade_frontalface_default.xml") \
                if hasattr(cv2, "data") else None
        if path is None or not os.path.exists(path):
            sys.exit("haarcascade_frontalface_default.xml not found (apt-get install opencv-data)")
        self.cascade = cv2.CascadeClassifier(path)

    def find(self, img):
        gray = cv2.equalizeHist(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY))
        min_side = max(40, min(img.shape[:2]) // 6)
        faces = self.cascade.detectMultiScale(gray, 1.1, 5, minSize=(min_side, min_side))
        if len(faces) == 0:
            return None
        return tuple(int(v) for v in max(faces, key=lambda f: f[2] * f[3]))


def with_labels(base, **changes):
    lab = list(base)
    names = {"L": L, "B": B, "A": A, "E": E, "F": F, "S": S}
    for key, value in changes.items():
        lab[names[key]] = value
    return "".join(lab)


def keep_if_pass(ch):
    """An attribute that passed stays passing; a fail might be masked, so it becomes unknown."""
    return "1" if ch == "1" else "-"


# ---------------------------------------------------------------------------------------------
# blue-screen keying (franck's backdrop)

def person_mask(img, face):
    """Soft foreground mask (1 = person) for the blue backdrop, keeping only the component that
    holds the face so that the dark object at the frame's left edge goes with the backdrop."""
    f = img.astype(np.int16)
    b, g, r = f[..., 0], f[..., 1], f[..., 2]
    blue = (b - np.maximum(r, g) > 45) & (b > 110)
    fg = (~blue).astype(np.uint8)
    fg = cv2.morphologyEx(fg, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    n, comp = cv2.connectedComponents(fg)
    x, y, w, h = face
    keep = comp[y + h // 2, x + w // 2]
    if keep == 0:
        return None
    mask = (comp == keep).astype(np.uint8)
    # Holes inside the person (blue-ish reflections) belong to the person.
    inv = (1 - mask).astype(np.uint8)
    n2, comp2 = cv2.connectedComponents(inv)
    border = set(np.unique(np.concatenate([comp2[0], comp2[-1], comp2[:, 0], comp2[:, -1]])))
    for lbl in range(1, n2):
        if lbl not in border:
            mask[comp2 == lbl] = 1
    soft = cv2.GaussianBlur(mask.astype(np.float32), (0, 0), 1.2)
    return soft


def despill(img, soft):
    """Removes the blue fringe where the mask is partial."""
    out = img.astype(np.float32)
    edge = (soft > 0.02) & (soft < 0.98)
    cap = np.maximum(out[..., 1], out[..., 2]) + 8
    out[..., 0] = np.where(edge, np.minimum(out[..., 0], cap), out[..., 0])
    return out


def composite(img, soft, backdrop):
    fg = despill(img, soft)
    a = soft[..., None]
    return np.clip(fg * a + backdrop.astype(np.float32) * (1 - a), 0, 255).astype(np.uint8)


def busy_backdrop(h, w, rng):
    """Clutter: stripes, saturated shapes, lines and words, in the spirit of an office or street."""
    bd = np.zeros((h, w, 3), np.uint8)
    period = int(rng.integers(18, 40))
    c1 = rng.integers(0, 255, 3)
    c2 = rng.integers(0, 255, 3)
    for x0 in range(0, w + h, period):
        cv2.line(bd, (x0, 0), (x0 - h, h), tuple(int(v) for v in (c1 if (x0 // period) % 2 else c2)),
                 period // 2)
    for _ in range(int(rng.integers(25, 40))):
        col = tuple(int(v) for v in rng.integers(0, 255, 3))
        kind = rng.integers(0, 3)
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        s = int(rng.integers(w // 25, w // 6))
        if kind == 0:
            cv2.rectangle(bd, (x, y), (x + s, y + int(s * rng.uniform(0.4, 1.6))), col, -1)
        elif kind == 1:
            cv2.circle(bd, (x, y), s // 2, col, -1)
        else:
            cv2.line(bd, (x, y), (int(rng.integers(0, w)), int(rng.integers(0, h))), col,
                     int(rng.integers(2, 7)))
    words = ["SALE", "EXIT", "OPEN", "CAFE", "2024", "NEWS", "PARK", "HOTEL", "BUS 42", "TAXI"]
    for _ in range(int(rng.integers(6, 10))):
        col = tuple(int(v) for v in rng.integers(0, 255, 3))
        cv2.putText(bd, words[int(rng.integers(0, len(words)))],
                    (int(rng.integers(0, w - 60)), int(rng.integers(20, h))),
                    cv2.FONT_HERSHEY_SIMPLEX, float(rng.uniform(0.8, 2.2)), col,
                    int(rng.integers(2, 5)))
    return bd


def plain_backdrop(h, w, rng, gradient):
    grey = float(rng.uniform(120, 190))
    if not gradient:
        return np.full((h, w, 3), grey, np.uint8)
    ramp = np.linspace(grey + 25, grey - 25, h, dtype=np.float32)[:, None, None]
    tint = np.array([1.0, 0.98, 0.95], np.float32)  # a slightly warm studio grey
    return np.clip(np.broadcast_to(ramp * tint, (h, w, 3)), 0, 255).astype(np.uint8)


# ---------------------------------------------------------------------------------------------
# transforms: each takes (img, face, base_label, rng) and returns (image, label, note) or None

def t_blur(img, face, lab, rng):
    sigma = max(4, round(img.shape[1] / 120))
    out = cv2.GaussianBlur(img, (0, 0), sigma)
    return out, with_labels(lab, S="0", E="-", B=keep_if_pass(lab[B])), \
        "Gaussian defocus sigma %d px" % sigma, "blur_sigma%d" % sigma


def t_motion(img, face, lab, rng):
    length = max(15, img.shape[1] // 28)
    angle = float(rng.uniform(0, 180))
    k = np.zeros((length, length), np.float32)
    k[length // 2, :] = 1.0
    rot = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), angle, 1.0)
    k = cv2.warpAffine(k, rot, (length, length))
    k /= k.sum()
    out = cv2.filter2D(img, -1, k, borderType=cv2.BORDER_REFLECT)
    return out, with_labels(lab, S="0", E="-", B=keep_if_pass(lab[B])), \
        "motion blur %d px at %.0f deg" % (length, angle), "motion_blur%d" % length


def t_jpeg(img, face, lab, rng):
    # The image is returned already encoded: the caller must not re-encode it.
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 5])
    return buf, with_labels(lab, S="0", E="-", B=keep_if_pass(lab[B])), \
        "JPEG quality 5 (heavy blocking)", "jpeg_q5"


def t_tiny(img, face, lab, rng):
    h, w = img.shape[:2]
    small = cv2.resize(img, (max(8, w // 7), max(8, h // 7)), interpolation=cv2.INTER_AREA)
    out = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    return out, with_labels(lab, S="0", E="-", B=keep_if_pass(lab[B])), \
        "downscaled 7x then upscaled back", "tiny_upscaled"


def _extend(img, pad, side):
    """Widens the image by repeating its outermost columns (averaged, so no streaks): on a plain
    backdrop this reads as more backdrop and a little more sweater."""
    # The row median of the outer quarter is backdrop (or sweater low down), so a small object
    # at the edge (franck's dark object at the left) is not smeared into a bar.
    quarter = img.shape[1] // 4
    outer = img[:, -quarter:] if side == "right" else img[:, :quarter]
    column = np.median(outer.astype(np.float32), axis=1)[:, None, :]
    column = cv2.GaussianBlur(column, (1, 0), 1, 3)
    strip = np.repeat(column, pad, axis=1).astype(np.uint8)
    return np.hstack([img, strip]) if side == "right" else np.hstack([strip, img])


def _shift(img, face, lab, side):
    if face is None:
        return None
    h, w = img.shape[:2]
    x, y, fw, fh = face
    cx = x + fw / 2
    ww = int(w * 0.55)
    how = "crop"
    if ww >= fw * 1.5:
        if side == "left":
            x0 = min(max(0, x - int(0.02 * ww)), w - ww)
        else:
            x0 = max(0, min(w - ww, x + fw + int(0.02 * ww) - ww))
        out = img[:, x0:x0 + ww]
        centre = (cx - x0) / ww
    elif lab[B] == "1":
        # The face is too wide for a crop to push it aside: crop next to it and widen the
        # other side with backdrop, leaving the face centre at a quarter of the width.
        how = "crop+extend"
        margin = int(0.04 * w)
        if side == "left":
            x0 = max(0, x - margin)
            kept = img[:, x0:]
            wn = int((cx - x0) / 0.25)
            out = _extend(kept, max(0, wn - kept.shape[1]), "right")
            centre = (cx - x0) / out.shape[1]
        else:
            x1 = min(w, x + fw + margin)
            kept = img[:, :x1]
            wn = int((x1 - cx) / 0.25)
            pad = max(0, wn - kept.shape[1])
            out = _extend(kept, pad, "left")
            centre = (cx + pad) / out.shape[1]
    else:
        return None
    # Only keep results where the face clearly sits off-centre (about 20% of the width or more).
    if abs(centre - 0.5) < 0.18:
        return None
    return out, with_labels(lab, F="0", A="-", B=keep_if_pass(lab[B])), \
        "%s: face centre at %.0f%% of the width" % (how, 100 * centre), "shift_%s" % side


def t_shift_left(img, face, lab, rng):
    return _shift(img, face, lab, "left")


def t_shift_right(img, face, lab, rng):
    return _shift(img, face, lab, "right")


def t_closeup(img, face, lab, rng):
    if face is None:
        return None
    h, w = img.shape[:2]
    x, y, fw, fh = face
    side = int(max(fw, fh) * 0.92)
    cx, cy = x + fw // 2, y + int(fh * 0.55)
    x0 = min(max(0, cx - side // 2), w - side)
    y0 = min(max(0, cy - side // 2), h - side)
    if side < 160 or x0 < 0 or y0 < 0:
        return None
    out = img[y0:y0 + side, x0:x0 + side]
    sharp = lab[S] if side >= 240 else "-"
    return out, with_labels(lab, F="0", A="0", B="-", S=sharp), \
        "extreme close-up: %dpx square inside the face box" % side, "closeup"


def t_too_far(img, face, lab, rng):
    h, w = img.shape[:2]
    scale = 0.33
    border = np.concatenate([img[0], img[:, 0], img[:, -1]])
    colour = np.median(border, axis=0)
    canvas = np.empty_like(img)
    canvas[:] = colour.astype(np.uint8)
    sw, sh = int(w * scale), int(h * scale)
    small = cv2.resize(img, (sw, sh), interpolation=cv2.INTER_AREA)
    x0 = (w - sw) // 2
    canvas[h - sh:, x0:x0 + sw] = small  # standing at the bottom, as a far subject would
    return canvas, with_labels(lab, F="0", E="-", S="-", A="-",
                               B=keep_if_pass(lab[B])), \
        "subject shrunk to %.0f%% in a canvas of the backdrop colour" % (100 * scale), "too_far"


def t_cut_top(img, face, lab, rng):
    if face is None:
        return None
    x, y, fw, fh = face
    y0 = y + int(0.14 * fh)
    if y0 <= 0:
        return None
    out = img[y0:]
    return out, with_labels(lab, F="0"), "rows above the mid-forehead removed", "cut_forehead"


def t_under(img, face, lab, rng):
    out = to_srgb(to_linear(img) * 0.07)
    return out, with_labels(lab, L="0", S="-", E="-"), "linear exposure x0.07 (-3.8 EV)", "underexposed"


def t_over(img, face, lab, rng):
    out = to_srgb(to_linear(img) * 4.0)
    return out, with_labels(lab, L="0", S="-", E="-"), "linear exposure x4 (+2 EV) with clipping", \
        "overexposed"


def _side_shadow(img, face, lab, side):
    if face is None:
        return None
    h, w = img.shape[:2]
    x, y, fw, fh = face
    cx = x + fw / 2
    xs = (np.arange(w, dtype=np.float32) - cx) / (0.10 * fw)
    ramp = 1.0 / (1.0 + np.exp(-xs))
    if side == "left":
        gain = 0.06 + 0.94 * ramp      # image-left half dark
    else:
        gain = 0.06 + 0.94 * (1.0 - ramp)
    out = to_srgb(to_linear(img) * gain[None, :, None])
    return out, with_labels(lab, L="0"), "soft shadow: %s half of the face at 6%% light" % side, \
        "shadow_%s" % side


def t_shadow_left(img, face, lab, rng):
    return _side_shadow(img, face, lab, "left")


def t_shadow_right(img, face, lab, rng):
    return _side_shadow(img, face, lab, "right")


CASTS = {
    "orange": (0.25, 0.65, 1.0),   # BGR gains in linear light
    "green": (0.35, 1.0, 0.35),
    "magenta": (1.0, 0.3, 1.0),
    "cyan": (1.0, 0.9, 0.2),
}


def _cast(img, name, lab):
    gain = np.array(CASTS[name], np.float32)
    out = to_srgb(to_linear(img) * gain[None, None, :])
    return out, with_labels(lab, L="0", B=keep_if_pass(lab[B])), \
        "colour cast %s (linear BGR gains %s)" % (name, CASTS[name]), "cast_%s" % name


def t_cast(img, face, lab, rng):
    names = sorted(CASTS)
    return _cast(img, names[int(rng.integers(0, len(names)))], lab)


def t_bg_busy(img, face, lab, rng):
    if face is None:
        return None
    soft = person_mask(img, face)
    if soft is None:
        return None
    h, w = img.shape[:2]
    out = composite(img, soft, busy_backdrop(h, w, rng))
    return out, with_labels(lab, B="0"), "blue backdrop keyed out, procedural clutter behind", \
        "bg_busy"


def t_bg_plain(img, face, lab, rng):
    if face is None:
        return None
    soft = person_mask(img, face)
    if soft is None:
        return None
    h, w = img.shape[:2]
    gradient = bool(rng.integers(0, 2))
    out = composite(img, soft, plain_backdrop(h, w, rng, gradient))
    name = "bg_gradient" if gradient else "bg_grey"
    return out, with_labels(lab, B="1"), "blue backdrop keyed out, plain %s behind" % \
        ("grey gradient" if gradient else "grey"), name


def t_good_crop(img, face, lab, rng):
    h, w = img.shape[:2]
    m = float(rng.uniform(0.02, 0.05))
    dx, dy = int(w * m), int(h * m * 0.5)
    out = img[dy:h - dy, dx:w - dx]
    scale = float(rng.uniform(0.85, 1.0))
    out = cv2.resize(out, (int(out.shape[1] * scale), int(out.shape[0] * scale)),
                     interpolation=cv2.INTER_AREA)
    return out, lab, "mild symmetric crop %.0f%% and downscale %.2f" % (100 * m, scale), "mild_crop"


def t_good_resize(img, face, lab, rng):
    scale = 0.8
    out = cv2.resize(img, (int(img.shape[1] * scale), int(img.shape[0] * scale)),
                     interpolation=cv2.INTER_AREA)
    return out, lab, "downscaled to 80%", "resize80"


SHARP = [t_blur, t_motion, t_jpeg, t_tiny]
LIGHT = [t_under, t_over, t_shadow_left, t_shadow_right, t_cast]
FRAME = [t_shift_left, t_shift_right, t_closeup, t_too_far, t_cut_top]


def pick(lst, i, n=1):
    return [lst[(i + k) % len(lst)] for k in range(n)]


def plan(kind, i):
    """Which transforms a base gets; rotation by base index spreads them evenly."""
    if kind == "frame_good":
        return [t_good_crop, t_bg_busy] + ([t_bg_plain] if i % 2 == 0 else []) + \
            pick(SHARP, i, 1) + pick(LIGHT, i, 2) + pick(FRAME, i, 2)
    if kind == "frame_defect":
        families = pick([SHARP, LIGHT, FRAME], i, 2)
        return ([t_bg_busy] if i % 3 == 0 else []) + [pick(f, i)[0] for f in families]
    if kind == "still":
        return [t_good_crop, t_bg_busy if i % 2 else t_bg_plain] + pick(SHARP, i, 1) + \
            pick(LIGHT, i, 2) + pick(FRAME, i, 1)
    if kind == "attire_pass":
        return [t_good_crop, t_good_resize] + SHARP + LIGHT + FRAME
    if kind == "closeup":
        return pick(SHARP, i) + pick(LIGHT, i)
    return [t_good_crop] + pick(SHARP, i) + pick(LIGHT, i) + pick(FRAME, i)


def kind_of(image, lab):
    if image.startswith("frames/"):
        return "frame_good" if lab[E] == "1" else "frame_defect"
    if "/franck_" in image:
        return "still"
    if lab[A] == "1":
        return "attire_pass"
    if lab[F] == "0":
        return "closeup"
    return "other"


def load_base(cache, image, crop):
    path = os.path.join(cache, image)
    img = cv2.imread(path, cv2.IMREAD_COLOR)
    if img is None:
        sys.exit("cannot read %s" % path)
    if crop:
        x, y, w, h = (int(v) for v in crop.split())
        img = img[y:y + h, x:x + w]
    if image.startswith("frames/"):
        # The mp4 is 360x288; 2x keeps the face large enough for detectors (sharpness stays '-').
        img = cv2.resize(img, (img.shape[1] * 2, img.shape[0] * 2), interpolation=cv2.INTER_CUBIC)
    return img


def group_name(image):
    stem = os.path.splitext(os.path.basename(image))[0]
    if image.startswith("frames/"):
        return "frame_" + stem.split("_")[-1]
    if "/franck_" in image:
        return "still_" + stem.split("_")[-1]
    return stem.replace("-", "_")


def main():
    cache = sys.argv[1]
    out_dir = os.path.join(cache, "eval")
    tmp_dir = out_dir + ".tmp"
    shutil.rmtree(tmp_dir, ignore_errors=True)
    os.makedirs(os.path.join(tmp_dir, "images"))
    finder = FaceFinder()
    rows = []
    with open(os.path.join(HERE, "base_labels.csv"), newline="") as fh:
        bases = list(csv.DictReader(fh))
    counters = {}
    for base in bases:
        image, lab = base["image"], base["label"]
        if len(lab) != 6 or any(c not in "01-" for c in lab):
            sys.exit("bad label %r for %s" % (lab, image))
        img = load_base(cache, image, base.get("crop", "").strip())
        face = finder.find(img)
        kind = kind_of(image, lab)
        i = counters.get(kind, 0)
        counters[kind] = i + 1
        group = group_name(image)
        gdir = os.path.join(tmp_dir, "images", group)
        os.makedirs(gdir, exist_ok=True)

        def emit(name, pixels, label, note, encoded=False):
            rel = "images/%s/%s.jpg" % (group, name)
            path = os.path.join(tmp_dir, rel)
            if encoded:
                pixels.tofile(path)
            else:
                cv2.imwrite(path, pixels, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
            rows.append({"file": rel, "label": label, "group": group, "source": name, "note": note})

        emit("original", img, lab, base["note"])
        rng = np.random.default_rng(seed_of(image))
        for t in plan(kind, i):
            res = t(img, face, lab, rng)
            if res is None:
                continue
            pixels, label, note, name = res
            emit(name, pixels, label, note, encoded=(t is t_jpeg))
    with open(os.path.join(tmp_dir, "labels.csv"), "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["file", "label", "group", "source", "note"])
        w.writeheader()
        w.writerows(rows)
    shutil.rmtree(out_dir, ignore_errors=True)
    os.rename(tmp_dir, out_dir)
    summary(rows)


def summary(rows):
    names = ["lighting", "background", "attire", "expression", "framing", "sharpness"]
    print("eval: %d images, %d groups" % (len(rows), len({r["group"] for r in rows})))
    for k, n in enumerate(names):
        col = [r["label"][k] for r in rows]
        print("  %-10s pass %3d  fail %3d  unknown %3d" % (n, col.count("1"), col.count("0"),
                                                            col.count("-")))


if __name__ == "__main__":
    main()
