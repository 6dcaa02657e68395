#!/usr/bin/env python3
# test-layers.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The layers of src/core, checked on the sources:
#   - no file includes a GTK, GDK, GSK or libadwaita header;
#   - a folder includes headers only from the folders it may use;
#   - in draw/, the style and layout files include no render header
#     (render draws what layout measured, never the other way round);
#   - each folder's meson.build lets its library see only those folders:
#     its include path is its own folder, and the libraries it depends on
#     are allowed ones (so an upward #include fails to compile).
# Prints each break as FILE:LINE: what, and exits 1 when there is one.
#
# Usage: test-layers.py SRC_CORE_DIR

import os
import re
import sys

# What each folder may include, itself included.
ALLOWED = {
    'model': {'model'},
    'format': {'model', 'format'},
    'check': {'model', 'check'},
    'draw': {'model', 'check', 'draw'},
    # print writes its files through format's atomic file writer
    'print': {'model', 'format', 'check', 'draw', 'print'},
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
TOOLKIT = re.compile(r'^(gtk|gdk|gsk|adwaita|libadwaita)([/.-]|$)')
SOURCE_EXTENSIONS = ('.c', '.h')


def draw_part(name):
    """style, layout or render for a file of draw/, else None."""
    for part in ('style', 'layout', 'render'):
        if name.startswith('cjm-' + part):
            return part
    return None


def header_folders(core):
    """Header name -> the folder of src/core that holds it."""
    where = {}
    for folder in ALLOWED:
        for name in os.listdir(os.path.join(core, folder)):
            if name.endswith('.h'):
                where[name] = folder
    return where


def check_sources(core, where, report):
    for folder in sorted(ALLOWED):
        path = os.path.join(core, folder)
        for name in sorted(os.listdir(path)):
            if not name.endswith(SOURCE_EXTENSIONS):
                continue
            file = os.path.join(path, name)
            shown = os.path.relpath(file, os.path.dirname(os.path.dirname(core)))
            with open(file, encoding='utf-8') as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if m is None:
                        continue
                    header = m.group(2)
                    base = os.path.basename(header)
                    if TOOLKIT.match(header):
                        report(shown, number, f'includes the toolkit header <{header}>: '
                               'src/core never includes GTK, GDK, GSK or libadwaita')
                        continue
                    owner = where.get(base)
                    if owner is None:
                        continue
                    if owner not in ALLOWED[folder]:
                        report(shown, number, f'includes {base} from {owner}/: {folder}/ may use only '
                               + ', '.join(sorted(ALLOWED[folder])))
                    elif folder == 'draw' and owner == 'draw':
                        mine, theirs = draw_part(name), draw_part(base)
                        rank = {'style': 0, 'layout': 1, 'render': 2, None: 2}
                        if rank[theirs] > rank[mine]:
                            report(shown, number, f'includes {base}: in draw/, {mine} may not use '
                                   f'{theirs} (style < layout < render)')


def meson_calls(text, function):
    """The argument text of each call function(...) in a meson.build."""
    for m in re.finditer(r'\b' + function + r'\s*\(', text):
        depth, start = 0, m.end()
        for i in range(m.end() - 1, len(text)):
            if text[i] == '(':
                depth += 1
            elif text[i] == ')':
                depth -= 1
                if depth == 0:
                    yield text[start:i]
                    break


def check_build(core, report):
    """Each folder's library: its own include path only, allowed deps only."""
    deps = {}
    for folder in ALLOWED:
        file = os.path.join(core, folder, 'meson.build')
        shown = os.path.relpath(file, os.path.dirname(os.path.dirname(core)))
        with open(file, encoding='utf-8') as f:
            text = f.read()
        used = set(re.findall(r'\bcjm_(\w+?)_dep\b', text)) - {folder}
        deps[folder] = used & set(ALLOWED)
        libraries = list(meson_calls(text, 'static_library'))
        if len(libraries) != 1:
            report(shown, 1, f'should build one static library, builds {len(libraries)}')
            continue
        arguments = libraries[0]
        if not re.search(r'implicit_include_directories\s*:\s*false', arguments):
            report(shown, 1, 'the library must set implicit_include_directories: false')
        dirs = re.findall(r'include_directories\s*\(([^)]*)\)', arguments)
        if dirs != ["'.'"]:
            report(shown, 1, "the library's include path must be its own folder only "
                   "(include_directories('.'))")

    # What each library sees through its dependencies, transitively.
    for folder in sorted(ALLOWED):
        seen, todo = set(), list(deps[folder])
        while todo:
            other = todo.pop()
            if other not in seen:
                seen.add(other)
                todo.extend(deps[other])
        for other in sorted(seen - ALLOWED[folder]):
            report(f'src/core/{folder}/meson.build', 1,
                   f'depends on cjm_{other}_dep: {folder}/ may use only '
                   + ', '.join(sorted(ALLOWED[folder])))


def main():
    if len(sys.argv) != 2:
        print('usage: test-layers.py SRC_CORE_DIR', file=sys.stderr)
        return 2
    core = os.path.abspath(sys.argv[1])
    broken = []

    def report(file, line, what):
        broken.append(f'{file}:{line}: {what}')

    check_sources(core, header_folders(core), report)
    check_build(core, report)
    for line in broken:
        print(line)
    if broken:
        print(f'{len(broken)} layering rule(s) broken')
        return 1
    print('the layers of src/core hold')
    return 0


if __name__ == '__main__':
    sys.exit(main())
