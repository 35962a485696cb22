"""Side by side, for a human look: the first pages of a report's PDF (lawgov-gen, WeasyPrint)
and of LibreOffice's rendering of its .docx (our stand-in for Word), as PNG files.

Run: python tools/side_by_side.py examples/township.yaml [-o out/side-by-side] [--pages 4]
Writes OUT/<stem>-1.png, OUT/<stem>-2.png, …: the PDF's page on the left, LibreOffice's on
the right, each labelled. Needs LibreOffice (soffice) and poppler's pdftoppm.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

GAP = 16  # pixels between the two pages
LABEL = 28  # pixels above them for the labels


def run(cmd: list[str]) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise SystemExit(f"命令失败（{done.returncode}）：{' '.join(cmd)}\n{done.stderr.strip()}")


def outputs(source: Path, work: Path) -> tuple[Path, Path]:
    """The report's PDF and LibreOffice's PDF of its .docx, made in `work`."""
    run([sys.executable, "-m", "lawgov_gen", "render", str(source), "--pdf", "-o", str(work)])
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("没有找到 LibreOffice（soffice）：请先安装 libreoffice-writer")
    profile = (work / "lo-profile").as_uri()  # a private profile: no clash with a running one
    docx = work / f"{source.stem}.docx"
    lo = work / "lo"
    options = [f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf"]
    run([soffice, *options, "--outdir", str(lo), str(docx)])
    return work / f"{source.stem}.pdf", lo / f"{source.stem}.pdf"


def pictures(pdf: Path, pages: int, dpi: int, prefix: Path) -> list[Path]:
    """PNGs of the first `pages` pages of `pdf` (fewer if it is shorter)."""
    if shutil.which("pdftoppm") is None:
        raise SystemExit("没有找到 pdftoppm：请先安装 poppler-utils")
    run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", str(pages), "-png", str(pdf), str(prefix)])
    return sorted(
        prefix.parent.glob(f"{prefix.name}-*.png"), key=lambda p: int(p.stem.rsplit("-")[-1])
    )


def side_by_side(left: Path | None, right: Path | None, out: Path) -> None:
    """One PNG: `left` and `right` next to each other under their labels (a blank where a
    document has no such page)."""
    images = [Image.open(p).convert("RGB") if p else None for p in (left, right)]
    width = max(im.width for im in images if im)
    height = max(im.height for im in images if im)
    sheet = Image.new("RGB", (2 * width + GAP, height + LABEL), "white")
    draw = ImageDraw.Draw(sheet)
    labels = ("PDF: lawgov-gen (WeasyPrint)", ".docx: LibreOffice")
    for n, (image, label) in enumerate(zip(images, labels, strict=True)):
        x = n * (width + GAP)
        draw.text((x + 4, 6), label if image else f"{label}: no such page", fill="black")
        if image:
            sheet.paste(image, (x, LABEL))
            draw.rectangle(
                (x, LABEL, x + image.width - 1, LABEL + image.height - 1), outline="gray"
            )
    sheet.save(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="数据文件（YAML）")
    parser.add_argument(
        "-o", "--out", type=Path, default=Path("out/side-by-side"), help="输出文件夹"
    )
    parser.add_argument("--pages", type=int, default=4, help="比较前几页（默认 4）")
    parser.add_argument("--dpi", type=int, default=60, help="图片分辨率（默认 60）")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lawgov-side-") as name:
        work = Path(name)
        ours, theirs = outputs(args.source, work)
        left = pictures(ours, args.pages, args.dpi, work / "ours")
        right = pictures(theirs, args.pages, args.dpi, work / "lo-page")
        for n in range(max(len(left), len(right))):
            out = args.out / f"{args.source.stem}-{n + 1}.png"
            side_by_side(
                left[n] if n < len(left) else None, right[n] if n < len(right) else None, out
            )
            print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
