"""A line of two scripts read by the model of each: the other script's runs put in.

A Dari or Pashto page is read by its own model, which reads a Latin name on the page as
digits and stray letters ("Harbour Review" came back as "113780۶ 3666", "Global Health
Monitor" as "610031 1163111 1101107۰"). Read again by the Latin model, the same line
gives the name right and the Persian words as noise, so neither reading wins as a whole.
Both readings cut the line into the same words (the boxes match), so the choice is made
per run: a run of consecutive words the other model reads as letters of its own script
replaces the page model's words under it when the other model is clearly surer of them.
"""

from __future__ import annotations

from ganjina.read.ocr_lines import SCRIPT_LETTERS, OcrWord, mean_confidence, same_place

#: a run of the other script replaces the words under it when it has this many letters
#: (a short run is as often the other model's guess at one word of the page's script) ...
RUN_LETTERS = 4
#: ... is read with at least this letter-weighted confidence (the Latin model reads
#: Persian words at 0.1-0.5) ...
RUN_CONFIDENCE = 0.7
#: ... and this much more than the page model had for those words
RUN_GAIN = 0.1
#: a word lies under another when their boxes share this much of the narrower width
UNDER = 0.5


def lies_under(a: OcrWord, b: OcrWord) -> bool:
    """Whether two words (of two readings of one line) stand at the same place."""
    return same_place((a.box[0], a.box[2]), (b.box[0], b.box[2]), UNDER)


def _runs(words: list[OcrWord], script: str) -> list[list[OcrWord]]:
    letters = SCRIPT_LETTERS[script]
    runs: list[list[OcrWord]] = []
    current: list[OcrWord] = []
    for word in words:
        if letters.search(word.text):
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def merge_other_script(line: list[OcrWord], other: list[OcrWord], script: str) -> list[OcrWord]:
    """``line`` (one line as the page's model read it) with each run of ``other`` (the same
    line read by the model of ``script``, "latin" or "arabic") that is letters of that
    script put in place of the words under it, where the other model is clearly surer."""
    out = list(line)
    for run in _runs(other, script):
        if sum(ch.isalpha() for w in run for ch in w.text) < RUN_LETTERS:
            continue
        under = [w for w in out if any(lies_under(w, r) for r in run)]
        sure = mean_confidence(run)
        if not under or sure < RUN_CONFIDENCE or sure < mean_confidence(under) + RUN_GAIN:
            continue
        at = out.index(under[0])
        taken = {id(w) for w in under}
        kept = [w for w in out if id(w) not in taken]
        for word in run:
            word.line = line[0].line
            word.row_height = word.row_height or line[0].row_height
        out = kept[:at] + run + kept[at:]
    return out
