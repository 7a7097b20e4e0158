"""The one exception storage raises for problems a user can fix: path, permissions, schema."""


class StorageError(Exception):
    """The archive database cannot be opened, written or migrated; the message is one line."""
