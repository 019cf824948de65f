"""What keeps a writer's work safe and lets it out: the disk watch, crash recovery, export."""
