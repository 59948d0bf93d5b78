"""The variation corpus: house-style articles laid out in Word by a generator that is not
Ganjina's (it never reads ``ganjina/read``, ``ganjina/house`` or the sample generator), in
many layouts drawn from a fixed seed, and the quality report that scores Ganjina's reads of
them against the generator's truth. See ``docs/variations.md``.

    python -m tests.read.variations --help
"""
