"""The s.55(4) consultation of the chief constable: the request written to Word, the reply read back."""
