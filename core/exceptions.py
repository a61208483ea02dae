"""Exceptions domain code raises and every entry point (pages, API, admin) understands."""


class StateConflict(Exception):
    """An object's state does not allow the action asked for: the API answers 409,
    pages show the message. Apps subclass it for their own rules."""
