"""The rules of a workshop: agility advice, decision methods, due dates, sign-off."""
