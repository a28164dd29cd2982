"""The writer's check dictionary: words accepted as written and rules switched off.

A plain UTF-8 text file kept with the writer's data (the window decides where; the engine is
given the parsed dictionary and never looks for files itself)::

    # EduWriter 检查词典：每行一项，# 后为注释
    [词语]
    效劳
    研究研究
    [规则]
    wording.repeat
    punct.halfwidth:colon

A finding is dropped when the text it points at lies inside an accepted word (an occurrence
of the word in the same paragraph that covers the finding), or when its rule id or its
category is listed under ``[规则]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

HEADER = "# EduWriter 检查词典 / check dictionary: 每行一项 one entry a line; # 注释 comment"
#: The file name the window and the command line use in the writer's data folder.
FILE_NAME = "check_dictionary.txt"
WORDS_SECTION = "[词语]"
RULES_SECTION = "[规则]"


@dataclass(slots=True)
class UserDictionary:
    words: set[str] = field(default_factory=set)
    rules: set[str] = field(default_factory=set)

    def ignores_rule(self, rule_id: str, category: str) -> bool:
        return rule_id in self.rules or category in self.rules

    def accepts(self, paragraph_text: str, start: int, end: int) -> bool:
        """True when an accepted word covers ``start``..``end`` of the paragraph."""
        for word in self.words:
            at = paragraph_text.find(word, max(0, end - len(word)))
            while at != -1 and at <= start:
                if at + len(word) >= end:
                    return True
                at = paragraph_text.find(word, at + 1)
        return False


def parse_user_dictionary(text: str) -> UserDictionary:
    """Read the dictionary file's text; unknown lines before a section count as words."""
    out = UserDictionary()
    target = out.words
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line == WORDS_SECTION:
            target = out.words
        elif line == RULES_SECTION:
            target = out.rules
        else:
            target.add(line)
    return out


def format_user_dictionary(user: UserDictionary) -> str:
    """The dictionary as file text (sorted, so saving twice gives the same file)."""
    lines = [HEADER, WORDS_SECTION, *sorted(user.words), RULES_SECTION, *sorted(user.rules)]
    return "\n".join(lines) + "\n"
