"""The development mail backend: emails printed to the console as they read.

Django's console backend prints the message as it would go over SMTP, where a text
line longer than 78 characters makes the whole part quoted-printable: a long link is
then broken over lines with `=` and `=3D`, and cannot be copied from the terminal.
"""

import email.policy

from django.core.mail import EmailMessage
from django.core.mail.backends import console

# Lines up to SMTP's limit (998) stay as they are, so parts are printed unencoded;
# headers are printed in UTF-8 rather than as RFC 2047 encoded words.
READABLE = email.policy.default.clone(max_line_length=998, utf8=True)


class ConsoleBackend(console.EmailBackend):
    def write_message(self, message: EmailMessage) -> None:
        text = message.message(policy=READABLE).as_bytes().decode()
        self.stream.write(f"{text}\n{'-' * 79}\n")
