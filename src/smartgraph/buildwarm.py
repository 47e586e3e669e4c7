"""Imported by the build's fork server (``pipeline``): word lists, the tokenizer's dictionary, the shapes and
the TBox are read there once, and every worker process forked from it starts with them (shared, copy on
write) instead of reading them again; jieba's dictionary alone takes 1-3 s a process."""

from smartgraph import pipeline

pipeline.warm()
