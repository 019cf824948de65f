"""The askpass program git runs when it must ask for a user name, a password or a passphrase
(GIT_ASKPASS, SSH_ASKPASS): a small dialog in a process of its own, which prints the answer
for git and exits 1 when the writer cancels. Credential helpers answer first; this is for
what they do not know.

    python -m editor.ui.git.askpass "Password for 'https://ada@example.org': "
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from editor.core.git.askpass import askpass_script


def askpass_program() -> str:
    """The program git runs to ask: this module, with this interpreter."""
    return askpass_script([sys.executable, "-m", "editor.ui.git.askpass"])


def main(argv: list[str] | None = None) -> int:
    """Ask the prompt git gave; print the answer; 0, or 1 when cancelled."""
    args = sys.argv[1:] if argv is None else argv
    prompt = args[0] if args else "Password:"
    app = QApplication.instance() or QApplication([])
    secret = any(word in prompt.lower() for word in ("password", "passphrase", "token"))
    mode = QLineEdit.EchoMode.Password if secret else QLineEdit.EchoMode.Normal
    answer, ok = QInputDialog.getText(None, "Git asks", prompt.strip(), mode)
    del app
    if not ok:
        return 1
    print(answer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
