"""The reader's pages for reminder subscriptions, under /accounts/subscriptions/."""
