"""Drafting: a press release read into sentences, the event extracted, and the draft written into a regime file."""
