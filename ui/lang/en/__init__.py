"""The English tables, one a part of the app; ui/lang_en.py joins them."""
