"""Turning user files into exhibits and events: detection, decoding and one source per format."""
