"""The pages of resources and initiatives: library.py (the library, the directory and
item pages), submission.py (adding and editing, and your organisations' items) and
feeds.py (Atom feeds of any library view)."""
