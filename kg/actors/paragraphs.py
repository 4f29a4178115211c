"""A document as paragraphs: the unit the actor pipeline reads.

A paragraph is a block of non-empty lines, stripped and joined by one space, so a name
that runs over a line break is one name again ("Direktoratet for medisinske" /
"produkter"). Trailing blanks go: "medisinske " + " " + "produkter" would be two
words apart. Each paragraph keeps where its lines start, so an offset into its text
maps back to a line and a column.

PDF text puts blank lines inside sentences at page and column breaks ("… på Kalnes,
Sykehuset" / "" / "Østfold HF."). A block is continued over up to ``MAX_GAP`` blank
lines when its sentence is visibly open: it does not end in punctuation or a number,
and the next block starts in lower case, or the block ends in a word no sentence ends
with ("Landsrådet for" / "" / "Norges barne- og ungdomsorganisasjoner"), or both sides
of the break are capitalised words of a block that is not a one-line heading.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from kg.records import Document, TextLine

MAX_GAP = 2  # blank lines a sentence may run over
HEADING_LENGTH = 40  # a one-line block shorter than this may be a heading
_CLOSED = tuple('.:;!?)]»"')
# Words no sentence or name ends with: a block ending in one goes on after the gap.
OPEN_ENDINGS = frozenset(
    {"for", "og", "i", "av", "til", "med", "på", "om", "fra", "eller", "samt", "ved", "mot"}
    | {"etter", "mellom", "innen", "of", "and", "the", "&", "øremerket", "øremerkes"}
)


@dataclass(frozen=True)
class Paragraph:
    """Line ``numbers[i]`` starts at ``starts[i]`` of ``text``, ``indents[i]`` blanks in."""

    text: str
    starts: tuple[int, ...]
    numbers: tuple[int, ...]
    indents: tuple[int, ...]

    def locate(self, offset: int) -> tuple[int, int]:
        """(line number, column in that normalised line) of character ``offset``."""
        index = bisect_right(self.starts, offset) - 1
        return self.numbers[index], offset - self.starts[index] + self.indents[index]


def _paragraph(lines: list[TextLine]) -> Paragraph:
    starts, indents, texts, offset = [], [], [], 0
    for line in lines:
        body = line.text.strip()
        starts.append(offset)
        indents.append(line.text.index(body[0]))
        texts.append(body)
        offset += len(body) + 1
    numbers = tuple(line.number for line in lines)
    return Paragraph(" ".join(texts), tuple(starts), numbers, tuple(indents))


def continues(block: list[TextLine], following: TextLine) -> bool:
    """Whether ``following``, after a gap, goes on with the sentence ``block`` left open."""
    last = block[-1].text.strip()
    first = following.text.strip()
    if last.endswith(_CLOSED) or last[-1].isdigit():
        return False
    if first[0].islower() or last.split()[-1].lower() in OPEN_ENDINGS:
        return True
    heading = len(block) == 1 and len(last) < HEADING_LENGTH
    return not heading and last.split()[-1][0].isupper() and first[0].isupper()


def paragraphs(document: Document) -> Iterator[Paragraph]:
    """The document's paragraphs, in order."""
    block: list[TextLine] = []
    gap = 0
    for line in document.lines:
        if not line.text.strip():
            gap += 1
            continue
        if block and gap and (gap > MAX_GAP or not continues(block, line)):
            yield _paragraph(block)
            block = []
        block.append(line)
        gap = 0
    if block:
        yield _paragraph(block)
