#!/usr/bin/env python3
"""Refreshes headshot-qa_<lang>.ts from every tr() string under ui/, keeping existing translations.

lupdate's C++ parser does not understand C++17 nested namespace definitions (`namespace hqa::ui {`), so it
files tr() strings of hqa::ui classes under the bare class name while Qt looks them up under the qualified
meta-object name at run time. This script extracts into a scratch file, qualifies the contexts, and merges the
translations already in the committed .ts files (matched by context, source and disambiguation comment).

Usage: update-translations.py [--check]   (--check: change nothing, exit 1 when a string lacks a translation)
"""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
LANGS = ["en", "de"]
LUPDATE = os.environ.get("LUPDATE", "/usr/lib/qt6/bin/lupdate")


def qualified(context):
    return context if "::" in context else "hqa::ui::" + context


def key(context, message):
    comment = message.findtext("comment") or ""
    return (context, message.findtext("source"), comment)


def extract():
    with tempfile.TemporaryDirectory() as tmp:
        scratch = os.path.join(tmp, "fresh.ts")
        subprocess.run([LUPDATE, "-silent", "-no-obsolete", "-locations", "none", os.path.join(ROOT, "ui"),
                        "-ts", scratch], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        tree = ET.parse(scratch)
    for context in tree.getroot().iter("context"):
        name = context.find("name")
        name.text = qualified(name.text)
    return tree


def translations_of(path):
    known = {}
    if not os.path.exists(path):
        return known
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            t = message.find("translation")
            if t is not None and t.get("type") not in ("unfinished", "obsolete", "vanished"):
                known[key(name, message)] = t
    return known


def main():
    check = "--check" in sys.argv
    missing = 0
    for lang in LANGS:
        path = os.path.join(HERE, "headshot-qa_%s.ts" % lang)
        known = translations_of(path)
        tree = extract()
        root = tree.getroot()
        root.set("language", {"en": "en_GB", "de": "de_DE"}[lang])
        root.set("sourcelanguage", "en")
        for context in root.iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                old = message.find("translation")
                found = known.get(key(name, message))
                if found is not None:
                    message.remove(old)
                    message.append(found)
                else:
                    missing += 1
                    print("%s: untranslated [%s] %r" % (lang, name, message.findtext("source")))
        if not check:
            ET.indent(tree)
            with open(path, "wb") as f:
                f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
                tree.write(f, encoding="utf-8", xml_declaration=False)
    print("%d untranslated or missing string(s)" % missing)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
