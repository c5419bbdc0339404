"""Mission pages: list, detail and print (pages), create/edit with delegation, legs, stays."""
