"""The Korean tables, one a part of the app; ui/lang_ko.py joins them."""
