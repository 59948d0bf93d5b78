"""Tests of the sample corpus and of the source format it is written in."""
