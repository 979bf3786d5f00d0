"""Builder for the `en` author's part of the mail-reading corpus (issue 10).

The message content and the expected readings are hand-written in `messages/`;
this package only wraps that content into the MIME shape of each mail client.
"""
