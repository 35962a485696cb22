"""`lawgov-gen import`: last year's report (.docx, web page, PDF, text) becomes a data file.

Readers per format → one paragraph stream (paragraphs.py) → a segmenter that reads the
statute table → the model → the YAML writer.
"""
