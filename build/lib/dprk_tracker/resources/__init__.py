"""Data files shipped with the package: vocabularies and the topic lexicon."""
