"""Lines that are not the report: website furniture, page numbers, disclosure metadata."""

from __future__ import annotations

import re

RESIDUE = "删除网页残留"
PAGE_NUMBER = "删除页码"
HEADER_FOOTER = "删除页眉页脚"

_DASH = "-－—–―~～"
_PAGE = [
    re.compile(f"[{_DASH}]+ *\\d{{1,4}} *[{_DASH}]+"),
    re.compile(r"第 *\d{1,4} *页(?: *[/，,]? *共 *\d{1,4} *页)?"),
    re.compile(r"共 *\d{1,4} *页 *[/，,]? *第 *\d{1,4} *页"),
    re.compile(r"\d{1,4} */ *\d{1,4}"),
    re.compile(r"(?i)page *\d{1,4}(?: *of *\d{1,4})?"),
]
_BARE = re.compile(r"\d{1,4}")

# Short lines only: real report sentences are longer, and may quote these words. Words a
# report can use ("关闭", "访问量", "版权所有人") count only where a website puts them.
_MAX_RESIDUE = 160
_C = "[:：]"
_TOOLS = "打印本页|关闭窗口|打印|关闭|收藏|返回顶部|返回|分享|手机扫一扫|扫一扫"
_RESIDUE_PATTERNS = [
    # anywhere in the line: never report prose
    r"打印本页|关闭窗口|扫一扫在手机|在手机上查看当前页",
    r"ICP *备|网站标识码|公网安备|版权所有(?![人者])|(?i:copyright)|©",
    r"字[体号] *[:：]? *[【\[]? *大 *[】\]]? *[【\[]? *中 *[】\]]? *[【\[]? *小",
    rf"(?:^| )(?:浏览|阅读|访问|点击)(?:量|次数|数){_C} *\d+ *次?(?= |$)",
    # at the start of the line
    rf"^(?:您?(?:当前|现在)(?:所在)?的?位置|当前位置){_C}",
    r"^首页 *[>＞»›/|]",
    r"^首页(?: +\S{2,8}){3,}$",
    rf"^[【\[]?(?:发布|更新|发表|生成)(?:时间|日期){_C}",
    rf"^[【\[]?(?:来源|信息来源|文章来源|作者|责任编辑|编辑|审核|校对|供稿){_C}",
    rf"^(?:主办|承办|协办)单位{_C}|^技术支持{_C}",
    r"^分享到",
    rf"^(?:上一篇|下一篇|相关链接|相关文章|相关阅读)(?:{_C}|$)",
    r"^(?:网站地图|联系我们|无障碍|长者模式|关怀版|政务微博|政务微信)(?:$| )",
    # a web page's clock banner and the date it was put on line: never the report's own
    rf"^(?:今天是|今日|当前时间{_C}?)? *\d{{4}}年\d{{1,2}}月\d{{1,2}}日 *(?:星期|周|礼拜)[一二三四五六日天]"
    r"(?: *\d{1,2}:\d{2}(?::\d{2})?)?$",
    r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2} +\d{1,2}:\d{2}(?::\d{2})?$",
    rf"^[【\[]?发布于{_C}? *\d{{4}}",
    # a line of site navigation: three or more short names between bars, or after 首页
    r"^(?:[\u4e00-\u9fff]{2,8} *[|｜] *){2,}[\u4e00-\u9fff]{2,8}$",
    # the whole line is buttons
    rf"^(?:[【\[]? *(?:{_TOOLS}) *[】\]]? *)+$",
]
_RESIDUE = re.compile("|".join(f"(?:{p})" for p in _RESIDUE_PATTERNS))


def is_page_number(text: str, *, bare: bool = False) -> bool:
    """True for a page number line: "— 3 —", "第 3 页 共 10 页", "3/10"; bare "3" if allowed."""
    text = text.strip()
    return any(p.fullmatch(text) for p in _PAGE) or (bare and bool(_BARE.fullmatch(text)))


def is_residue(text: str) -> bool:
    """True for a line of website furniture: breadcrumbs, view counts, share/print, footer."""
    text = " ".join(text.split())
    return len(text) <= _MAX_RESIDUE and bool(_RESIDUE.search(text))


_LABELS = {
    "索引号": "索引号",
    "发布机构": "发布机构",
    "发文机关": "发布机构",
    "发文单位": "发布机构",
    "文号": "文号",
    "发文字号": "文号",
    "成文日期": "成文日期",
    "生成日期": "成文日期",
    "标题": "标题",
    "名称": "标题",
    "文件名称": "标题",
}
# Recognised so that they end the value before them, but not kept.
_OTHER_LABELS = (
    "主题分类 组配分类 体裁分类 服务对象 主题词 公开方式 公开范围 公开时限 有效性 效力状态 "
    "发布日期 发布时间 信息来源 信息分类 所属主题 统一编号 登记号 有效期 失效日期 实施日期"
).split()
_ALL = sorted([*_LABELS, *_OTHER_LABELS], key=len, reverse=True)
_SP = "[ \u3000\u00a0]*"
_LABEL = "|".join(_SP.join(label) for label in _ALL)
_PAIR = re.compile(f"(?:^|(?<=[ \u3000\u00a0]))[【\\[]?({_LABEL}){_SP}[】\\]]?{_SP}(?:[:：]|$)")


def metadata_pairs(pieces: list[str]) -> tuple[dict[str, str], set[int]]:
    """Read "索引号：…" pairs from text pieces (table cells, list items or lines).

    A label may share its piece with its value ("文号：青政〔2024〕3号") or stand alone with
    the value in the next piece. Returns the five known keys (first occurrence wins) and the
    indexes of the pieces that were labels or values.
    """
    found: dict[str, str] = {}
    used: set[int] = set()
    pending: str | None = None
    for i, piece in enumerate(pieces):
        piece = piece.strip(" \u3000\u00a0\t")
        if not piece:
            continue
        marks = list(_PAIR.finditer(piece))
        if not marks or marks[0].start() != 0:
            if pending is not None:
                if pending:
                    found.setdefault(pending, piece)
                used.add(i)
            pending = None
            continue
        used.add(i)
        pending = None
        for m, nxt in zip(marks, [*marks[1:], None], strict=True):
            key = re.sub(r"\s", "", m.group(1))
            value = piece[m.end() : nxt.start() if nxt else len(piece)].strip(" \u3000\u00a0")
            name = _LABELS.get(key, "")
            if value:
                if name:
                    found.setdefault(name, value)
            elif nxt is None:
                pending = name
    return found, used


def is_metadata_label(piece: str) -> bool:
    """True when a piece of text opens with a disclosure label such as "索引号："."""
    return bool(_PAIR.match(piece.strip()))
