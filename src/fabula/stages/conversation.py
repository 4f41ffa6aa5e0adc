"""The conversation: who has spoken lately, for turn-taking."""

from __future__ import annotations

from collections import deque


class Conversation:
    """Who has spoken lately, for turn-taking."""

    def __init__(self) -> None:
        self.speakers: deque[str] = deque(maxlen=8)
        self.called: deque[str] = deque(maxlen=8)  # those lines were said to, latest last
        self.last_paragraph = -(10**9)
        self.last_speaker: str | None = None
        self.last_addressees: list[str] = []

    def reset(self) -> None:
        self.speakers.clear()
        self.called.clear()
        self.last_speaker, self.last_addressees = None, []

    def said(self, speaker: str | None, addressees: list[str], paragraph: int) -> None:
        if speaker is not None and (not self.speakers or self.speakers[-1] != speaker):
            self.speakers.append(speaker)
        self.called.extend(a for a in addressees if not self.called or self.called[-1] != a)
        self.last_speaker, self.last_addressees, self.last_paragraph = speaker, addressees, paragraph

    def participants(self) -> list[str]:
        """Those who spoke, the latest first."""
        return list(dict.fromkeys(reversed(self.speakers)))

    def addressed(self) -> list[str]:
        """Those the lines were said to, the latest first."""
        return list(dict.fromkeys(reversed(self.called)))

    def next_turn(self) -> str | None:
        """The one who spoke before the last speaker: A, B, A, B."""
        people = self.participants()
        if self.last_speaker is None:
            return None
        return people[1] if len(people) >= 2 and people[0] == self.last_speaker else None
