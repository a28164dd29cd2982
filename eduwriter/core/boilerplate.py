"""Boilerplate by general signals: which lines (or pieces of lines) of a web text are site
furniture, and why.

A removed piece is a :class:`Removed` string carrying its reason (one of :data:`REASONS`), so
``analyze`` and ``--json`` can list every removal with the signal that decided it. The
signals are general (never one site's strings): metadata lines (来源/作者/浏览/发布时间/字数/
页数/格式), navigation and site chrome, editorial and SEO blurbs, repost lead-ins, member-preview
cut-offs, export wrappers (CSV/JSON/SQL), footnote labels, lines without Chinese text.
"""

from __future__ import annotations

import re

__all__ = [
    "REASONS",
    "Removed",
    "FOOTNOTE",
    "boilerplate_reason",
    "is_boilerplate_line",
    "is_content",
    "is_link_item",
    "line_verdict",
    "reason_of",
]

#: Reason code -> (Chinese, English) shown beside a removal.
REASONS = {
    "metadata": ("元数据行（来源、作者、发布时间、浏览、字数等）", "metadata line"),
    "navigation": ("导航、菜单或面包屑", "navigation or menu"),
    "chrome": ("网站功能按钮、版权或备案信息", "site chrome (buttons, copyright)"),
    "blurb": ("编辑导语、推荐语或转载说明", "editorial, SEO or repost lead-in"),
    "inline": ("夹在正文中的网站提示", "site notice inside the text"),
    "preview": ("会员预览截断提示", "member-preview cut-off"),
    "no_text": ("没有中文的行（链接、代码、数据）", "line without Chinese text"),
    "export": ("数据导出外壳（CSV/JSON/SQL）", "CSV/JSON/SQL export wrapper"),
    "footnote": ("注释标号", "footnote label"),
    "repeated": ("多个文件共有的页面框架", "furniture repeated across files"),
    "link": ("其他文章的链接", "link to another article"),
    "page": ("网页框架（导航、页眉页脚、侧栏）", "page furniture (nav, header, footer)"),
    "page_title": ("重复的网页标题或合集标题", "repeated page or collection title"),
    "page_number": ("页码行", "page number line"),
}


class Removed(str):
    """A removed piece of text; ``reason`` is a key of :data:`REASONS`."""

    reason: str

    def __new__(cls, text: str, reason: str) -> Removed:
        obj = super().__new__(cls, text)
        obj.reason = reason
        return obj


_WS_RUN = re.compile(r" {2,}")


def reason_of(piece: str, default: str = "chrome") -> str:
    """The reason code of a removed piece (``default`` for a plain string)."""
    return getattr(piece, "reason", default)


# Whole lines that are site chrome. Each alternative is anchored or needs a specific
# combination, so ordinary sentences do not match. All patterns are linear (no nested
# quantifiers over the same characters).
# Whole lines that are site chrome. Each alternative is anchored at the line start or needs
# a specific combination, so ordinary sentences do not match. All patterns are linear (no
# nested quantifiers over the same characters). Split in two for speed: the anchored ones
# are tried at the line start only.
_CHROME_WORDS = (
    "打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回|收藏本页|收藏|加入收藏|设为首页|"
    "分享|推荐给朋友|我要纠错|纠错|举报|【打印】|【关闭】|【收藏】|【返回】|【打印本页】|【关闭窗口】"
)
_BOILERPLATE_START = re.compile(
    "|".join(
        [
            r"(?:上一篇|下一篇|上一页|下一页|上一章|下一章|上一条|下一条)(?:[:：\s]|$)",
            r"(?:【[^】]{1,40}】)?(?:相关推荐|推荐阅读|相关阅读|相关文章|相关文档|热门推荐|猜你喜欢|精彩推荐|热门文章|最新文章|延伸阅读|"
            r"您可能关注的文档|你可能关注的文档|您可能感兴趣的|你可能感兴趣的|相关范文|更多范文|热门标签)"
            r"\s*[:：]?\s*$",
            r"评论\s*\(\d+\)",
            r"(?:登录|注册)\s*[|｜/]\s*(?:登录|注册)\s*$",
            r"(?:登录|注册|搜索|首页|返回首页|返回顶部|回到顶部|网站首页|网站地图|设为首页|加入收藏|收藏本站|"
            r"打印本页|关闭窗口|打印|关闭|收藏|分享|分享到|手机阅读|手机版|电脑版|查看更多|更多|展开全文|阅读全文|"
            r"点击查看全文|文档介绍|文档简介|下载文档|免费下载|立即下载|举报|纠错|字号|大\s*中\s*小)\s*[:：]?\s*$",
            # a site header's date line: 今天是 alone (its date filled in by script) or with
            # a date and weekday; a sentence that starts with 今天是 is content
            r"今天是\s*[:：]?\s*(?:\d{4}\s*[年/.\-]\s*\d{1,2}\s*[月/.\-]\s*\d{1,2}\s*日?)?\s*"
            r"(?:(?:星期|周)[一二三四五六日天])?\s*$",
            r"[^|｜。，]{1,12}(?:\s?[|｜]\s?[^|｜。，]{1,12}){2,}$",
            r"扫一扫|微信扫一扫",
            r"(?:【(?:打印正文|打印|关闭窗口|关闭|收藏|返回顶部|大|中|小|字号)】\s*)+$",
            r"(?:当前位置|您的位置|你的位置|您现在的位置|所在位置|当前位置是)\s*[:：]",
            r"(?:页码|页数|字数)\s*[:：]",
            r"[^。，,>]{1,12}(?:\s?(?:>>|>|»|＞|›)\s?[^。，,>»＞›]{1,24}){2,}$",
            r"(?:标签|TAGS|Tags|tags|关键词)\s*[:：][^。]{0,60}$",
            r"(?:文章|信息|新闻|稿件)?(?:来源|出处)\s*[:：][^。，,]{0,30}$",
            r"作者\s*[:：][^。，,]{0,20}$",
            r"(?:录入|审核|初审|复审|终审|发布者|发布人|撰稿|供稿|摄影|编辑|校对|责编)\s*[:：][^。]{0,40}$",
            r"点击\s*[:：]?\s*\d+\s*次?\s*$",
            r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|周)[一二三四五六日天]\s*$",
            r"您是(?:本站)?第\s*\d+\s*位访(?:问者|客)",
            r"[-—\s]*第\s*\d{1,4}\s*页\s*(?:[,，/]?\s*共\s*\d{1,4}\s*页)?[-—\s]*$",
            r"共\s*\d{1,4}\s*页\s*[,，]?\s*(?:第\s*\d{1,4}\s*页)?\s*$",
            rf"(?:{_CHROME_WORDS})(?:\s*[|｜/·]?\s*(?:{_CHROME_WORDS}))+\s*$",
            r"(?:分享到|返回列表|返回上一页|点击排行|热门排行|本文(?:地址|链接|网址))\s*[:：]?",
            r"更多(?:相关|精彩)?(?:文章|推荐|范文|内容|资料)\s*[:：>》]*\s*$",
            r"(?:温馨提示|特别声明|版权声明)\s*[:：]",
            r"-?\s*\d{4}-\d{1,2}-\d{1,2}[^。，,]{0,30}?(?:发布|上传|小编|编辑|\d{1,2}:\d{2})",
            r"-?\s*\d+(?:\.\d+)?\s*(?:KB|MB|kb|mb|K|M)\s*\|?\s*$",
            r"-?\s*\d+\s*页\s*\|?\s*$",
            r"地址\s*[:：][^。]{0,80}?(?:电话|邮编|传真)",
            r"(?:以上|本文)?(?:内容)?(?:仅|可)供(?:大家)?参考[。！!.]?$",
        ]
    )
)
_BOILERPLATE_ANY = re.compile(
    "|".join(
        [
            r"发表回复|发表评论|登录后才能评论|我要评论|网友评论|评论列表",
            r"扫码(?:关注|阅读|下载)",
            r"版权所有|Copyright|copyright|COPYRIGHT|All Rights Reserved|All rights reserved|©|ICP备|ICP证|公网安备|"
            r"技术支持\s*[:：]",
            r"来源\s*[:：][^。]{0,40}?(?:作者|发布|时间|点击|日期)",
            r"发布时间\s*[:：]|点击数\s*[:：]|点击量\s*[:：]|浏览次数|阅读次数|阅读量\s*[:：]|责任编辑\s*[:：]|"
            r"上传日期|上传时间|上传者|文档格式|下载地址|下载次数|下载积分|发布日期\s*[:：]|更新时间\s*[:：]|"
            r"更新日期\s*[:：]|录入时间\s*[:：]|发表时间\s*[:：]|人气\s*[:：]|浏览\s*[:：]\s*\d|"
            r"下载(?:本文|文档|全文|word|Word|WORD)|展开阅读全文|点击展开全文|关注(?:微信)?公众号",
            r"格式\s*[:：]\s*(?:DOC|DOCX|PDF|TXT|WPS|PPT)",
            r"小编\s*[:：]",
            r"申明敬告|免责声明|本站不保证|本站不予受理",
            r"收集整理[^。]{0,40}?(?:删除|观点|转载|侵权)|不代表本站观点|联系删除|如若转载|转载请注明|侵权请联系|侵删",
            r"主办单位\s*[:：]|承办单位\s*[:：]|网站标识码|备案号\s*[:：]",
            r"字体\s*[:：]\s*【?\s*大\s*中\s*小|字号\s*[:：]\s*【?\s*大\s*中\s*小",
            r"\[\s*\d{1,2}-\d{1,2}\s*\]\s*$",
        ]
    )
)

# An editorial blurb about the collection: a site word plus a wish/recommendation word.
_BLURB_SITE = re.compile(
    r"小编|本站|范文|以下是|下面是一些|为大家整理|为你整理|精心准备|精心整理|精选"
)
_BLURB_WISH = re.compile(
    r"希望|喜欢|仅供参考|以供参考|以资借鉴|借鉴|收藏|有所帮助|帮助到|欢迎阅读|欢迎深入阅读"
)
_BLURB_MAX = 250

# Pieces removed from inside content lines.
_INLINE_PIECES = re.compile(
    "|".join(
        [
            r"当前隐藏内容免费查看",
            r"(?:下面|以下)是?小编[^。！!？?\n]{0,120}?(?:希望|祝|欢迎)[^。！!？?\n]{0,40}?[。！!]",
            r"本站小编为你精心准备了[^。！!\n]{0,120}?[。！!]",
            r"(?:查看更多|展开全文|阅读全文|点击查看全文|点击下载|下载全文)\s*$",
            r"来源[:：]网络[^。\n]{0,20}?(?:删除|侵权)",
        ]
    )
)

#: Every piece :data:`_INLINE_PIECES` removes contains one of these words: a line without any is
#: not scanned (the pattern's alternatives are tried at every character otherwise).
_INLINE_HINTS = ("隐藏", "小编", "全文", "查看更多", "点击下载", "来源")


def _has_inline_piece(text: str) -> bool:
    return any(h in text for h in _INLINE_HINTS) and bool(_INLINE_PIECES.search(text))


_READER = re.compile(
    r"欢迎(?:深入)?(?:阅读|收藏|下载|参考|借鉴)|希望[^。！!]{0,20}(?:喜欢|帮助|有用)|仅供参考|以资借鉴|敬请关注"
)
_SENTENCE_FINAL = ("。", "！", "？", "!", "?", "…", "”", "」", "）", ")")
_CJK = re.compile(r"[\u3400-\u9fff]")
_SENTENCE_PUNCT = re.compile(r"[。，；！？,;!?]")
# A signature date (2019.12.18) or a line of blanks to fill (20XX.XX.XX, ______) has no CJK
# character but is content.
_DATE_OR_BLANK_LINE = re.compile(
    r"^\s*(?:\d{4}\s?[.\-/]\s?\d{1,2}\s?[.\-/]\s?\d{1,2}|[\dXx×_*]{2,4}\s?[.\-/]\s?[\dXx×_*]{1,2}\s?[.\-/]"
    r"\s?[\dXx×_*]{1,2}|[Xx×]{2,}|_{2,})\s*$"
)
_NAV_ITEM = re.compile(r"^[\u3400-\u9fff—]{1,6}$")
_RELATED_HEADER = re.compile(
    r"^(?:【[^】]{1,40}】)?(?:相关推荐|推荐阅读|相关阅读|相关文章|相关文档|热门推荐|猜你喜欢|精彩推荐|热门文章|最新文章|延伸阅读|"
    r"您可能关注的文档|你可能关注的文档|您可能感兴趣的|你可能感兴趣的|相关范文|更多范文|"
    r"更多(?:相关|精彩)?(?:文章|推荐|范文|内容|资料))"
)
_LINK_ITEM = re.compile(r"\[\s*\d{1,2}-\d{1,2}\s*\]\s*$|(?<=[^\d\s\-])\d{1,2}-\d{1,2}\s*$")
_LINK_MAX = 40
_NOT_LINK = re.compile(r"[。！？；;!?]")
_NAV_RUN_MIN = 4


#: Boilerplate lines are short; longer lines are body text (and are not scanned).
_BOILERPLATE_MAX = 300


_METADATA_FIELD = re.compile(
    r"(?:来源|出处|作者|发布|发表|时间|日期|浏览|阅读|点击|人气|字数|页数|格式|大小|分类|栏目|"
    r"编辑|下载|评论|收藏|热度|关键词|标签)(?:人|者|数|量|次数|时间|日期)?\s*[:：]"
)
_METADATA_LINE_MAX = 100
_METADATA_ANCHORED = re.compile(
    r"(?:文章|信息|新闻|稿件)?(?:来源|出处)\s*[:：]|作者\s*[:：]|(?:页码|页数|字数)\s*[:：]|"
    r"(?:标签|TAGS|Tags|tags|关键词)\s*[:：]|(?:录入|审核|初审|复审|终审|发布者|发布人|撰稿|供稿|摄影|"
    r"编辑|校对|责编)\s*[:：]|点击\s*[:：]?\s*\d+\s*次?\s*$|-?\s*\d+(?:\.\d+)?\s*(?:KB|MB|kb|mb|K|M)"
    r"\s*\|?\s*$|-?\s*\d+\s*页\s*\|?\s*$|-?\s*\d{4}-\d{1,2}-\d{1,2}"
)
_METADATA_ANY = re.compile(
    r"发布时间\s*[:：]|点击数\s*[:：]|点击量\s*[:：]|浏览次数|阅读次数|阅读量\s*[:：]|责任编辑\s*[:：]|"
    r"上传日期|上传时间|上传者|文档格式|下载次数|下载积分|发布日期\s*[:：]|更新时间\s*[:：]|更新日期\s*[:：]|"
    r"录入时间\s*[:：]|发表时间\s*[:：]|人气\s*[:：]|浏览\s*[:：]\s*\d|格式\s*[:：]\s*(?:DOC|DOCX|PDF|TXT|WPS|PPT)"
)
_NAVIGATION = re.compile(
    r"(?:上一篇|下一篇|上一页|下一页|上一章|下一章|上一条|下一条)(?:[:：\s]|$)|"
    r"(?:当前位置|您的位置|你的位置|您现在的位置|所在位置|当前位置是)\s*[:：]|"
    r"[^。，,>]{1,12}(?:\s?(?:>>|>|»|＞|›)\s?[^。，,>»＞›]{1,24}){2,}$|"
    r"[^|｜。，]{1,12}(?:\s?[|｜]\s?[^|｜。，]{1,12}){2,}$|"
    r"(?:【[^】]{1,40}】)?(?:相关推荐|推荐阅读|相关阅读|相关文章|相关文档|热门推荐|猜你喜欢|精彩推荐|热门文章|"
    r"最新文章|延伸阅读|相关范文|更多范文|热门标签)|"
    r"[^。，,]{1,12}\s?(?:[|｜]|>>|>|»|＞|›)$"
)
#: A menu item cut from a row of them: a short label with its separator (作息时间 | / 学子>).
_MENU_PIECE = re.compile(r"^[^。，,；;|｜>»＞›]{1,12}\s?(?:[|｜]|>>|>|»|＞|›)$")
#: A member-preview cut-off: the page shows the start of a text and asks to pay or log in.
_PREVIEW = re.compile(
    r"剩余\s*\d+\s*(?:字|页)|余下全文|试读(?:结束|已结束)|(?:开通|成为|升级)(?:VIP|vip|会员)|"
    r"(?:VIP|vip|会员)(?:专享|免费|可(?:免费)?(?:查看|阅读|下载))|付费(?:阅读|下载|查看)|"
    r"(?:登录|注册)后(?:查看|阅读|下载|继续)|查看完整(?:版|内容|文档)|以上(?:为|是)(?:预览|部分内容)|"
    r"(?:预览|试读)(?:已)?结束|还剩\s*\d+\s*页|未读完?\s*[，,]?\s*(?:继续|点击)"
)
_PREVIEW_MAX = 80
#: A repost or SEO lead-in: where the text was copied from, or a follow-us call.
_REPOST = re.compile(
    r"^(?:转自|转载自|本文转载自|本文来源于|本文来自|原文链接|原标题|原文地址)\s*[:：]|"
    r"点击(?:上方|下方|标题下)?(?:蓝字|关注)|长按(?:识别)?二维码|关注我们|"
    r"(?:本文|文章)(?:由|为)[^。]{0,30}(?:整理|原创|发布)[^。]{0,20}$"
)
_REPOST_MAX = 120
#: A data export's syntax around the text (SQL statements, CSV headers, JSON keys).
_EXPORT = re.compile(
    r"^\s*(?:INSERT\s+INTO|CREATE\s+TABLE|VALUES\s*\(|SELECT\s+|DROP\s+TABLE|--\s|/\*)|"
    r'^\s*[\[{]\s*$|^\s*[\]}]\s*,?\s*$|^\s*"[A-Za-z_]{1,30}"\s*:\s*[\[{]?\s*$|'
    r"^\s*(?:[A-Za-z_]{1,30}\s*,\s*){2,}[A-Za-z_]{1,30}\s*$",
    re.IGNORECASE,
)
#: A footnote label inside a sentence: ［1］ after text.
FOOTNOTE = re.compile(r"(?<=[\u3400-\u9fff。，；：”）)])\s?[［\[〔]\d{1,3}[］\]〕]")


#: A page number between dashes, as PDF text carries them (— 6 —, - 12 -).
_PAGE_NUMBER = re.compile(r"^\s*[-—–－]+\s*\d{1,4}\s*[-—–－]+\s*$")
#: Figures alone on a line (table cells: 2019, 500, 85.5%, 1:2; not 2/5, a page count) are content.
_FIGURES = re.compile(r"^[\d\s.,:：%％~～+-]+$")


def boilerplate_reason(line: str) -> str | None:
    """Why the whole ``line`` is site boilerplate (a key of :data:`REASONS`), or ``None``."""
    if len(line) > _BOILERPLATE_MAX:
        return None
    if _EXPORT.search(line):
        return "export"
    if _MENU_PIECE.match(line):
        return "navigation"
    if len(line) <= _PREVIEW_MAX and _PREVIEW.search(line):
        return "preview"
    if _BOILERPLATE_START.match(line) or _BOILERPLATE_ANY.search(line):
        if _NAVIGATION.match(line):
            return "navigation"
        if _METADATA_ANCHORED.match(line) or _METADATA_ANY.search(line):
            return "metadata"
        return "chrome"
    if len(line) <= _METADATA_LINE_MAX and len(_METADATA_FIELD.findall(line)) >= 2:
        return "metadata"  # 作者：… 时间：… 浏览：… on one line
    if len(line) <= _REPOST_MAX and _REPOST.search(line):
        return "blurb"
    if _PAGE_NUMBER.match(line):
        return "page_number"
    if (
        not _CJK.search(line)
        and len(line) <= 80
        and not _DATE_OR_BLANK_LINE.match(line)
        and not _FIGURES.match(line)
    ):
        return "no_text"
    if _is_blurb(line) and not _has_inline_piece(line):
        return "blurb"
    return None


def is_boilerplate_line(line: str) -> bool:
    """True when a whole line carries a site-boilerplate signal."""
    return boilerplate_reason(line) is not None


def is_link_item(line: str) -> bool:
    return (
        len(line) <= _LINK_MAX + 6 and bool(_LINK_ITEM.search(line)) and not _NOT_LINK.search(line)
    )


def is_content(line: str) -> bool:
    return len(line) >= 20 and bool(_SENTENCE_PUNCT.search(line))


def _cut_inline(text: str) -> tuple[str, list[str]]:
    pieces: list[str] = []

    def _cut(m: re.Match[str]) -> str:
        pieces.append(m.group(0).strip())
        return ""

    new = _WS_RUN.sub(" ", _INLINE_PIECES.sub(_cut, text)).strip()
    return new, [p for p in pieces if p]


def _is_blurb(text: str) -> bool:
    return len(text) <= _BLURB_MAX and bool(_BLURB_SITE.search(text) and _BLURB_WISH.search(text))


def line_verdict(text: str) -> tuple[str | None, list[Removed]]:
    """``(kept_text or None, removed_pieces)`` for one line."""
    reason = boilerplate_reason(text)
    if reason is not None:
        return None, [Removed(text, reason)]
    removed: list[Removed] = []
    if _has_inline_piece(text):
        new, pieces = _cut_inline(text)
        fragment = len(new) < 60 and not new.endswith(_SENTENCE_FINAL)
        if not new or is_boilerplate_line(new) or _READER.search(new) or fragment:
            return None, [Removed(text, "blurb")]  # an editorial blurb around the teaser
        text = new
        removed = [Removed(p, "inline") for p in pieces]
    if ("［" in text or "[" in text or "〔" in text) and FOOTNOTE.search(text):
        labels = [m.group(0).strip() for m in FOOTNOTE.finditer(text)]
        text = FOOTNOTE.sub("", text)
        removed.extend(Removed(lab, "footnote") for lab in dict.fromkeys(labels))
    return text, removed
