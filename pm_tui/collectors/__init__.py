"""Evidence collectors: each reads one kind of source for the incident window."""
