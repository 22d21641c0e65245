"""The Security Council itself: its members, their codes and names, and who held the seats each year."""
