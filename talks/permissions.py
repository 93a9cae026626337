"""The one place that says who may see drafts, write the record and publish it.

Web views, the admin and the API all ask these functions, so a role means the same everywhere.
The permissions are declared on Track (talks.Track.Meta.permissions) and granted to groups by accounts.
"""

EDIT_RECORD = "talks.edit_record"
PUBLISH_RECORD = "talks.publish_record"


def can_edit(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(EDIT_RECORD))


def can_publish(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(PUBLISH_RECORD))


def can_see_drafts(user) -> bool:
    return can_edit(user)
