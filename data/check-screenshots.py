#!/usr/bin/env python3
# data/check-screenshots.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-screenshots.py METAINFO SCREENSHOTS_DIR: every screenshot that the
# AppStream metainfo lists is a PNG in data/screenshots of the size the
# metainfo gives, and every PNG there is listed.

import os
import struct
import sys
import xml.etree.ElementTree as ET

PREFIX = 'https://raw.githubusercontent.com/journeyman/journeyman/main/data/screenshots/'


def png_size(path):
    with open(path, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        raise SystemExit(f'{path}: not a PNG')
    return struct.unpack('>II', head[16:24])


def main():
    metainfo, folder = sys.argv[1], sys.argv[2]
    images = ET.parse(metainfo).getroot().findall('./screenshots/screenshot/image')
    if not images:
        raise SystemExit(f'{metainfo}: no screenshots')
    listed = set()
    for image in images:
        url = image.text.strip()
        if not url.startswith(PREFIX):
            raise SystemExit(f'{url}: not under {PREFIX}')
        name = url[len(PREFIX):]
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            raise SystemExit(f'{url}: no {path}')
        size = png_size(path)
        wanted = (int(image.get('width')), int(image.get('height')))
        if size != wanted:
            raise SystemExit(f'{path}: {size[0]}x{size[1]}, the metainfo says {wanted[0]}x{wanted[1]}')
        listed.add(name)
    unlisted = sorted(set(n for n in os.listdir(folder) if n.endswith('.png')) - listed)
    if unlisted:
        raise SystemExit(f'not in the metainfo: {", ".join(unlisted)}')
    print(f'{len(listed)} screenshots listed and present')


main()
