"""The actor pipeline's tokenizer: nb's own, on folded text, with lean affix rules.

Changes to ``spacy.blank("nb")``'s tokenizer:

- dashes and no-break spaces are folded to "-" and " " before tokenizing, one character
  for one, so token offsets are offsets into the original text ("Helse Sør–Øst" and
  "Helse Sør-Øst" tokenize alike; ``span.text`` shows the folded characters). The folded
  text is kept in ``doc._.folded_text`` (rebuilding ``doc.text`` from tokens is slow);
- the prefix, suffix and infix rules can be replaced (``pipeline.toml``,
  ``[tokenizer]``), and the URL matcher is off. nb's full rules (units, currencies,
  emoticons, web addresses) cost half the pipeline's time and do nothing for names;
- lexical attributes no actor rule reads (word shape, prefix, suffix, URL, e-mail,
  currency, bracket and quote flags) are not computed: every new word costs their
  getters, and a document brings tens of thousands of new words;
- it remembers how it split up to ``CACHE_SIZE`` distinct words (spaCy's default, 10 000,
  is full before the first document is half read), and it is built with its final
  rules in one go: changing a rule afterwards empties the cache, and a spaCy tokenizer
  whose cache was emptied once stays slower.
"""

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from re import Pattern

from spacy.attrs import (
    IS_ASCII,
    IS_BRACKET,
    IS_CURRENCY,
    IS_LEFT_PUNCT,
    IS_QUOTE,
    IS_RIGHT_PUNCT,
    LIKE_EMAIL,
    LIKE_URL,
    PREFIX,
    SHAPE,
    SUFFIX,
)
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
)
from spacy.util import registry as spacy_registry

from kg.actors.names import fold_dashes
from kg.actors.spans import set_extension

TOKENIZER = "helsekg.dash_folding_tokenizer.v1"
CACHE_SIZE = 200_000  # distinct words (runs of non-space characters); a few MB
UNREAD_ATTRIBUTES = (
    SHAPE,
    PREFIX,
    SUFFIX,
    LIKE_URL,
    LIKE_EMAIL,
    IS_CURRENCY,
    IS_BRACKET,
    IS_QUOTE,
    IS_LEFT_PUNCT,
    IS_RIGHT_PUNCT,
    IS_ASCII,
)


class DashFoldingTokenizer:
    """nb's tokenizer on text whose dashes and no-break spaces are folded."""

    def __init__(self, inner: Tokenizer) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        folded = fold_dashes(text)
        doc: Doc = self.inner(folded)
        set_extension(doc, "folded_text", folded)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)


def create_dash_folding_tokenizer(
    prefix: str = "", suffix: str = "", infix: str = ""
) -> Callable[[Language], DashFoldingTokenizer]:
    """nb's tokenizer, its affix rules replaced by the regular expressions given."""

    def create(nlp: Language) -> DashFoldingTokenizer:
        getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # not in spaCy's stub
        for attribute in UNREAD_ATTRIBUTES:
            getters.pop(attribute, None)
        defaults = nlp.Defaults
        prefixes = _rules(prefix, defaults.prefixes, compile_prefix_regex)
        suffixes = _rules(suffix, defaults.suffixes, compile_suffix_regex)
        infixes = _rules(infix, defaults.infixes, compile_infix_regex)
        inner = Tokenizer(
            nlp.vocab,
            rules=defaults.tokenizer_exceptions,
            prefix_search=prefixes.search if prefixes else None,
            suffix_search=suffixes.search if suffixes else None,
            infix_finditer=infixes.finditer if infixes else None,
            token_match=defaults.token_match,
            url_match=None,
            max_cache_size=CACHE_SIZE,
        )
        return DashFoldingTokenizer(inner)

    return create


def _rules(
    own: str,
    default: Sequence[str | Pattern[str]] | None,
    compile_default: Callable[[Sequence[str | Pattern[str]]], Pattern[str]],
) -> Pattern[str] | None:
    """The affix rule ``own``, else nb's (as ``spacy.Tokenizer.v1`` compiles them)."""
    if own:
        return re.compile(own)
    return compile_default(default) if default else None


spacy_registry.tokenizers.register(TOKENIZER, func=create_dash_folding_tokenizer)
