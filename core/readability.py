"""How hard an English text is to read: the Flesch-Kincaid grade level.

    grade = 0.39 × words per sentence + 11.8 × syllables per word − 15.59

Grade 8 is about what a 13-year-old reads easily; the NHS writes for about grades 5
to 6. The portal keeps every patient-facing text at grade 8 or below
(tests/core/test_readability.py, README "Plain language").

Syllables are counted by rule, not looked up in a pronouncing dictionary (no download,
no dependency): vowel groups, less a silent final "e" and the silent "-ed" and "-es"
endings, plus the vowel pairs that are two syllables ("bi-o", "di-ag"). A few words
the rules get wrong are listed in EXCEPTIONS. Checked against the CMU Pronouncing
Dictionary on words the rules were not written from (the README and the interface's
English strings, 2,063 different words the dictionary has), the count agrees for
98 % of them (README, "Plain language").

Sentences end at ".", "!", "?" and at a line break: a question on its own line, a
heading or a list item is a sentence of its own, as a reader takes it.
"""

import re
from dataclasses import dataclass

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*")
SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n+")

# Words the rules below count wrongly that the portal's texts use.
EXCEPTIONS = {
    "being": 2,
    "wellbeing": 3,
    "area": 3,
    "areas": 3,
    "idea": 3,
    "ideas": 3,
    "create": 2,
    "created": 3,
    "science": 2,
    "sciences": 3,
    "scientist": 3,
    "scientists": 3,
    "quiet": 2,
    "real": 1,
    "really": 2,
    "every": 2,
    "everyone": 3,
    "everything": 3,
    "different": 3,
    "family": 3,
    "business": 2,
    "people": 2,
    "someone": 2,
    "sometimes": 2,
    "something": 2,
    "somewhere": 2,
    "whenever": 3,
    "themselves": 2,
    "yourself": 2,
    "lives": 1,
    "nhs": 3,
    "ngs": 3,
    "dna": 3,
    "eu": 2,
    "uk": 2,
    "us": 1,
    "any": 2,
    "anyone": 3,
    "anything": 3,
    "laboratory": 4,
    "laboratories": 4,
    "european": 4,
    "society": 4,
    "societies": 4,
    "hta": 3,
}

# Vowel pairs said as two syllables ("bi-o-mark-er", "di-ag-no-sis", "car-ry-ing").
TWO_SYLLABLE_PAIRS = re.compile(
    r"ia|io|iu|ii|oi(?=ng)|(?<![cg])eo|(?<![gq])ua(?=[^auieo])|uo|ie(?=n[ct])|ie(?=r)|yi|(?<=[aeo])ye"
)
# ...except in endings said as one ("na-tion", "spe-cial", "o-pin-ion", "pa-tient").
ONE_SYLLABLE_ENDINGS = re.compile(r"(?:[cgst]i(?:a[ln]?|ou|on|en)|nion)")
# A silent "e" before a suffix ("state-ment", "use-ful", "aware-ness", "else-where").
SILENT_E_BEFORE = re.compile(r"(?<=[a-z])[^aeiouy]e(?=(?:ment|ful|less|ness|line|where|fore)s?$)")
# Prefixes whose vowel is heard apart from the next one ("re-im-burse", "co-or-di-nate").
PREFIX_APART = re.compile(r"^(?:reimburs|reus|coord|preex)")


def syllables(word: str) -> int:
    """The syllables in one English word, by rule (at least 1)."""
    word = word.lower().replace("’", "'").replace("'", "")
    if word.isdigit():
        return 1
    if word in EXCEPTIONS:
        return EXCEPTIONS[word]
    if len(word) <= 3:
        return 1
    if re.search(r"(?:[sxz]|ch|sh|[cg])es$", word):
        stem = word  # "changes", "boxes": the ending is heard
    else:
        stem = re.sub(r"(?<=[^aeiouy])es$|(?<=[^dt])ed$|(?<=[^aeiouy])e$", "", word)
    count = len(re.findall(r"[aeiouy]+", stem))
    count += len(TWO_SYLLABLE_PAIRS.findall(stem))
    count -= len(ONE_SYLLABLE_ENDINGS.findall(stem))
    count -= len(SILENT_E_BEFORE.findall(word))
    if re.search(r"[^aeiouyl](?:le|les|led)$|[^aeiouyr](?:re|res|red)$", word) and stem != word:
        count += 1  # "sam-ples", "han-dled", "cen-tre": the l or r is a syllable
    if PREFIX_APART.search(word):
        count += 1
    if re.search(r"[^aeiouy]ely$|ically$", word):
        count -= 1  # "rare-ly", "bas-ic-ly"
    return max(count, 1)


@dataclass(frozen=True)
class Counts:
    sentences: int
    words: int
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade level; 0.0 for a text without words."""
        if not self.words:
            return 0.0
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59


def counts(text: str) -> Counts:
    """Sentences, words and syllables of an English text."""
    sentences = 0
    words = 0
    total = 0
    for sentence in SENTENCE_END.split(text):
        found = WORD.findall(sentence)
        if found:
            sentences += 1
            words += len(found)
            total += sum(syllables(word) for word in found)
    return Counts(sentences, words, total)


def grade(text: str) -> float:
    """The Flesch-Kincaid grade level of an English text, rounded to one decimal."""
    return round(counts(text).grade, 1)
