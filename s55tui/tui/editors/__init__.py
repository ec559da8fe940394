"""The drafting app: the only package that imports textual."""
