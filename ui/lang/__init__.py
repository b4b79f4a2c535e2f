"""Every word of the interface, a table a language and a part of the app."""
