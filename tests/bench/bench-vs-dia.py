#!/usr/bin/env python3
# bench-vs-dia.py
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Opens the same size of map in Journeyman and in Dia 0.97 (Debian's `dia`
# package), in turn, on one display, and compares how long each takes until
# the app is idle, the CPU time that took, and the resident memory 2 s
# later. Journeyman runs under GTK's default renderer (GL: Mesa's llvmpipe
# under Xvfb) and under cairo; it also reports its first complete frame.
#
#   tests/bench/bench-vs-dia.py [--build BUILD] [--journeyman EXE] [--runs N] [--boxes N]
#
# --journeyman runs another build's executable (say, before a change) with
# this build's GSettings schemas.
#
# It also runs bench-floor (an empty libadwaita window with a header bar,
# built beside the app) under both renderers: the least any GTK 4 +
# libadwaita application costs here, so that the figures can be read
# against what the toolkit alone needs.
#
# Run it by hand; it never fails on speed. Without $DISPLAY it re-runs
# itself under xvfb-run at 1920x1080. Idle means: no CPU used for 300 ms.

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TICK = os.sysconf('SC_CLK_TCK')
IDLE_WINDOW = 0.3
POLL = 0.02
TIMEOUT = 180.0


def cpu_seconds(pid):
    try:
        with open(f'/proc/{pid}/stat') as f:
            stat = f.read()
    except OSError:
        return None
    fields = stat[stat.rindex(')') + 2:].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def rss_mb(pid):
    try:
        with open(f'/proc/{pid}/status') as f:
            for line in f:
                if line.startswith('VmRSS:'):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return float('nan')


def write_dia(path, boxes):
    """A Dia diagram of `boxes` flowchart boxes with a title each, on a grid
    as wide as a journey map's stages."""
    cols = 50
    with open(path, 'w') as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<dia:diagram xmlns:dia="http://www.lysator.liu.se/~alla/dia/">\n'
                  '<dia:layer name="Background" visible="true" active="true">\n')
        for i in range(boxes):
            x = 1 + (i % cols) * 6.0
            y = 1 + (i // cols) * 4.0
            out.write(
                f'<dia:object type="Flowchart - Box" version="0" id="O{i}">'
                f'<dia:attribute name="obj_pos"><dia:point val="{x},{y}"/></dia:attribute>'
                f'<dia:attribute name="elem_corner"><dia:point val="{x},{y}"/></dia:attribute>'
                '<dia:attribute name="elem_width"><dia:real val="5"/></dia:attribute>'
                '<dia:attribute name="elem_height"><dia:real val="3"/></dia:attribute>'
                '<dia:attribute name="show_background"><dia:boolean val="true"/></dia:attribute>'
                '<dia:attribute name="padding"><dia:real val="0.3"/></dia:attribute>'
                '<dia:attribute name="text"><dia:composite type="text">'
                f'<dia:attribute name="string"><dia:string>#Touchpoint {i}#</dia:string></dia:attribute>'
                '<dia:attribute name="font"><dia:font family="sans" style="0" name="Helvetica"/></dia:attribute>'
                '<dia:attribute name="height"><dia:real val="0.8"/></dia:attribute>'
                f'<dia:attribute name="pos"><dia:point val="{x + 2.5},{y + 1.7}"/></dia:attribute>'
                '<dia:attribute name="color"><dia:color val="#000000"/></dia:attribute>'
                '<dia:attribute name="alignment"><dia:enum val="1"/></dia:attribute>'
                '</dia:composite></dia:attribute></dia:object>\n')
        out.write('</dia:layer>\n</dia:diagram>\n')


def run_once(argv, env, first_frame=False):
    """Launches argv; returns (seconds to first frame or None, seconds to
    idle, CPU seconds to idle, resident MB 2 s after idle)."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE if first_frame else
                            subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    frame = None
    if first_frame:
        os.set_blocking(proc.stdout.fileno(), False)
    buf = ''
    last_cpu = 0.0
    last_change = start
    idle_at = None
    try:
        while time.monotonic() - start < TIMEOUT:
            time.sleep(POLL)
            now = time.monotonic()
            if first_frame and frame is None:
                chunk = proc.stdout.read() or b''
                buf += chunk.decode('utf-8', 'replace')
                for line in buf.splitlines():
                    if ': first-frame ' in line:
                        # The app prints g_get_monotonic_time(): CLOCK_MONOTONIC in µs.
                        frame = int(line.split()[-1]) / 1e6 - start
            cpu = cpu_seconds(proc.pid)
            if cpu is None:
                raise RuntimeError(f'{argv[0]} exited early')
            if cpu > last_cpu:
                last_cpu = cpu
                last_change = now
            elif now - last_change >= IDLE_WINDOW and (not first_frame or frame is not None):
                idle_at = last_change - start
                break
        if idle_at is None:
            raise RuntimeError(f'{argv[0]} never went idle in {TIMEOUT:.0f} s')
        time.sleep(2.0)
        return frame, idle_at, last_cpu, rss_mb(proc.pid)
    finally:
        proc.kill()
        proc.wait()


def summarize(name, runs):
    idle = statistics.median(r[1] for r in runs)
    cpu = statistics.median(r[2] for r in runs)
    mem = statistics.median(r[3] for r in runs)
    frames = [r[0] for r in runs if r[0] is not None]
    frame = f', first frame {statistics.median(frames) * 1000:.0f} ms' if frames else ''
    print(f'{name:<28} idle after {idle * 1000:6.0f} ms (CPU {cpu * 1000:5.0f} ms), '
          f'resident {mem:6.1f} MB{frame}')
    return idle


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--build', default=os.path.join(HERE, '..', '..', 'build'))
    parser.add_argument('--runs', type=int, default=5)
    parser.add_argument('--boxes', type=int, default=2000)
    parser.add_argument('--journeyman', default=None)
    args = parser.parse_args()

    if not os.environ.get('DISPLAY'):
        xvfb = shutil.which('xvfb-run')
        if xvfb is None:
            sys.exit('bench-vs-dia: no $DISPLAY and no xvfb-run')
        os.execv(xvfb, [xvfb, '-a', '-s', '-screen 0 1920x1080x24 -nolisten tcp',
                        sys.executable] + sys.argv)
    dia = shutil.which('dia')
    if dia is None:
        sys.exit('bench-vs-dia: Dia is not installed (apt-get install dia)')
    journeyman = args.journeyman or os.path.join(args.build, 'src', 'app', 'journeyman')
    floor = os.path.join(args.build, 'tests', 'bench', 'bench-floor')
    if not os.access(floor, os.X_OK):
        sys.exit(f'bench-vs-dia: {floor} is not built (meson compile -C BUILD bench-floor)')

    with tempfile.TemporaryDirectory(prefix='cjm-vs-dia-') as tmp:
        cjm_map = os.path.join(tmp, 'map.cjm')
        dia_map = os.path.join(tmp, 'map.dia')
        subprocess.run([sys.executable, os.path.join(HERE, 'gen-map.py'), '--stages', '40',
                        '--channels', '12', '--touchpoints', str(args.boxes), '--seed', '1',
                        '-o', cjm_map], check=True)
        write_dia(dia_map, args.boxes)

        home = os.path.join(tmp, 'home')
        config = os.path.join(home, '.config')
        settings = os.path.join(config, 'glib-2.0', 'settings')
        os.makedirs(settings)
        with open(os.path.join(settings, 'keyfile'), 'w') as f:
            f.write('[io/github/journeyman/Journeyman]\nwindow-size=(1920, 1080)\n')
        env = {k: v for k, v in os.environ.items()
               if k not in ('MALLOC_PERTURB_', 'MALLOC_CHECK_', 'GSK_RENDERER')}
        env.update(HOME=home, XDG_CONFIG_HOME=config, GTK_A11Y='none', NO_AT_BRIDGE='1',
                   DBUS_SESSION_BUS_ADDRESS='unix:path=/nonexistent/bus')
        cjm_env = dict(env, GDK_BACKEND='x11', GSETTINGS_BACKEND='keyfile',
                       GSETTINGS_SCHEMA_DIR=os.path.join(args.build, 'data'),
                       JOURNEYMAN_REPORT_FIRST_FRAME='1')

        setups = [
            ('Dia 0.97, 2,000 boxes', [dia, dia_map], env, False),
            ('Journeyman, GL (default)', [journeyman, cjm_map], cjm_env, True),
            ('Journeyman, cairo', [journeyman, cjm_map], dict(cjm_env, GSK_RENDERER='cairo'), True),
            ('Empty libadwaita window, GL', [floor], env, True),
            ('Empty libadwaita window, cairo', [floor], dict(env, GSK_RENDERER='cairo'), True),
        ]
        results = {name: [] for name, *_ in setups}
        # Interleaved, so that a busy moment hurts every app alike.
        for _ in range(args.runs):
            for name, argv, run_env, frame in setups:
                results[name].append(run_once(argv, run_env, frame))

        load = os.getloadavg()
        print(f'{args.boxes} boxes/touchpoints, 1920x1080, medians of {args.runs} runs '
              f'(load average {load[0]:.2f} {load[1]:.2f}, {os.cpu_count()} CPUs):')
        idle = {name: summarize(name, results[name]) for name, *_ in setups}
        dia_idle = idle[setups[0][0]]
        for name, *_ in setups[1:3]:
            print(f'{name}: idle in {idle[name] / dia_idle:.2f}x the time Dia needs '
                  f'(target: under 0.5x)')
        for renderer in ('GL', 'cairo'):
            app = idle[f'Journeyman, {"GL (default)" if renderer == "GL" else "cairo"}']
            empty = idle[f'Empty libadwaita window, {renderer}']
            print(f'{renderer}: Journeyman with the map is idle {(app - empty) * 1000:.0f} ms after '
                  f'an empty libadwaita window ({app / empty:.2f}x its time; Dia needs '
                  f'{dia_idle / empty:.2f}x)')


if __name__ == '__main__':
    main()
