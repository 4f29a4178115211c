"""The actor pipeline's tokenizer: nb's own, on folded text, with lean affix rules.

Two changes to ``spacy.blank("nb")``'s tokenizer:

- dashes and no-break spaces are folded to "-" and " " before tokenizing, one character
  for one, so token offsets are offsets into the original text ("Helse Sør–Øst" and
  "Helse Sør-Øst" tokenize alike; ``span.text`` shows the folded characters). The folded
  text is kept in ``doc._.folded_text`` (rebuilding ``doc.text`` from tokens is slow);
- the prefix, suffix and infix rules can be replaced (``pipeline.toml``,
  ``[tokenizer]``), and the URL matcher is off. nb's full rules (units, currencies,
  emoticons, web addresses) cost half the pipeline's time and do nothing for names;
- lexical attributes no actor rule reads (word shape, prefix, suffix, URL, e-mail,
  currency, bracket and quote flags) are not computed: every new word costs their
  getters, and a document brings tens of thousands of new words.
"""

import re
from collections.abc import Callable, Iterable, Iterator

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
from spacy.util import registry as spacy_registry

from kg.actors.names import fold_dashes
from kg.actors.spans import text_of  # noqa: F401  (registers the Doc extensions)

TOKENIZER = "helsekg.dash_folding_tokenizer.v1"
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
        doc._.folded_text = folded
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)


def create_dash_folding_tokenizer(
    prefix: str = "", suffix: str = "", infix: str = ""
) -> Callable[[Language], DashFoldingTokenizer]:
    """nb's tokenizer, its affix rules replaced by the regular expressions given."""
    make_default = spacy_registry.tokenizers.get("spacy.Tokenizer.v1")()

    def create(nlp: Language) -> DashFoldingTokenizer:
        getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # not in spaCy's stub
        for attribute in UNREAD_ATTRIBUTES:
            getters.pop(attribute, None)
        inner: Tokenizer = make_default(nlp)
        inner.url_match = None
        if prefix:
            inner.prefix_search = re.compile(prefix).search
        if suffix:
            inner.suffix_search = re.compile(suffix).search
        if infix:
            inner.infix_finditer = re.compile(infix).finditer
        return DashFoldingTokenizer(inner)

    return create


spacy_registry.tokenizers.register(TOKENIZER, func=create_dash_folding_tokenizer)
