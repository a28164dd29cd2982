"""Draw docs/images/architecture.svg: the data flow of EduWriter over its package layers.

The boxes are the packages of ``eduwriter/`` in their layers (core at the bottom, the window and
the command line at the top); the grey arrows are the package-level imports found in the source
right now (an AST walk, the same one ``tests/test_architecture.py`` uses); the numbered blue path
is the declared data flow of a sample file: importer → library → search/tree → composer →
exporter. Pure Python, no drawing tools needed::

    python scripts/draw_architecture.py            # writes docs/images/architecture.svg
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "eduwriter"
OUT = ROOT / "docs" / "images" / "architecture.svg"

#: (package, row from the top, column, label lines)
BOXES = {
    "gui": (0, 0, ["gui", "窗口：素材树、撰写区、大纲"]),
    "cli": (0, 1, ["cli", "命令行 eduwriter …"]),
    "export": (1, 2, ["export", "DOCX（GB/T 9704）/ Markdown / 文本"]),
    "library": (2, 0, ["library", "资料库：ingest · store · search"]),
    "compose": (2, 2, ["compose", "报告模型、编号、Markdown 读写"]),
    "core": (3, 1, ["core", "读取、清理、分段、提取句式与结构"]),
}
#: The data flow of one sample file, in order: (from, to, label).
FLOW = [
    ("core", "library", "1 范文 → 导入与提取（core.importer / extract）→ 条目（library.ingest）"),
    ("library", "gui", "2 资料库 → 搜索与素材树（library.search / store）"),
    ("gui", "compose", "3 插入 → 撰写区的报告（compose.report / render）"),
    ("compose", "export", "4 报告 → 导出（export：DOCX / Markdown）"),
]
W, H, BW, BH = 900, 640, 250, 64


def package_imports() -> set[tuple[str, str]]:
    """(importer, imported) pairs between the packages of eduwriter/, from the source."""
    edges: set[tuple[str, str]] = set()
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).parts
        if len(rel) == 1 and rel[0] not in ("__init__.py", "resources_path.py"):
            continue  # __main__: the entry point above every layer
        here = rel[0] if len(rel) > 1 else "core"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                parts = name.split(".")
                if parts[0] != "eduwriter" or len(parts) < 2:
                    continue
                there = parts[1] if parts[1] in BOXES else "core"
                if there != here and here in BOXES:
                    edges.add((here, there))
    return edges


def _centre(pkg: str) -> tuple[float, float]:
    row, col, _ = BOXES[pkg]
    return 60 + col * 290 + BW / 2, 40 + row * 130 + BH / 2


def _edge_point(pkg: str, toward: tuple[float, float]) -> tuple[float, float]:
    cx, cy = _centre(pkg)
    dx, dy = toward[0] - cx, toward[1] - cy
    scale = min(
        (BW / 2) / abs(dx) if dx else float("inf"), (BH / 2) / abs(dy) if dy else float("inf")
    )
    return cx + dx * scale, cy + dy * scale


def _arrow(a: str, b: str, cls: str, offset: float = 0.0) -> str:
    ca, cb = _centre(a), _centre(b)
    x1, y1 = _edge_point(a, cb)
    x2, y2 = _edge_point(b, ca)
    return (
        f'<line class="{cls}" x1="{x1 + offset:.0f}" y1="{y1:.0f}" '
        f'x2="{x2 + offset:.0f}" y2="{y2:.0f}" marker-end="url(#{cls})"/>'
    )


def draw() -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
        f'viewBox="0 0 {W} {H}" font-family="Noto Sans CJK SC, Microsoft YaHei, sans-serif">',
        "<style>.dep{stroke:#aaa;stroke-width:1.2;stroke-dasharray:4 3}"
        ".flow{stroke:#1d5fbf;stroke-width:2.6}"
        "rect{fill:#f5f7fb;stroke:#445;stroke-width:1.2;rx:8}"
        "text{font-size:13px;fill:#223}.name{font-weight:bold;font-size:15px}"
        ".legend{font-size:12.5px}</style>",
        "<defs>",
    ]
    for cls, colour in (("dep", "#aaa"), ("flow", "#1d5fbf")):
        parts.append(
            f'<marker id="{cls}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
            f'fill="{colour}"/></marker>'
        )
    parts.append("</defs>")
    # imports point down: draw them from the importer to what it uses
    for a, b in sorted(package_imports()):
        parts.append(_arrow(a, b, "dep", offset=-6))
    for a, b, _label in FLOW:
        parts.append(_arrow(a, b, "flow", offset=6))
    for row, col, label in BOXES.values():
        x, y = 60 + col * 290, 40 + row * 130
        parts.append(f'<rect x="{x}" y="{y}" width="{BW}" height="{BH}"/>')
        parts.append(
            f'<text class="name" x="{x + BW / 2}" y="{y + 26}" text-anchor="middle">'
            f"{escape(label[0])}</text>"
        )
        parts.append(
            f'<text x="{x + BW / 2}" y="{y + 48}" text-anchor="middle">{escape(label[1])}</text>'
        )
    y = 40 + 3 * 130 + BH + 36
    parts.append(
        f'<text class="legend" x="20" y="{y}">蓝色实线：一份范文的数据流；'
        "灰色虚线：包之间的导入（只向下）。</text>"
    )
    for n, (_a, _b, label) in enumerate(FLOW):
        parts.append(f'<text class="legend" x="20" y="{y + 22 + n * 18}">{escape(label)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(draw(), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(package_imports())} package imports)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
