from django.apps import apps


def ensure_group(name, model_permissions):
    """Create the group ``name`` if need be and give it exactly ``model_permissions``
    ({"app.Model": ("view", "change", …)}). Run after every migrate: idempotent."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    group, _ = Group.objects.get_or_create(name=name)
    permissions = []
    for label, actions in model_permissions.items():
        model = apps.get_model(label)
        content_type = ContentType.objects.get_for_model(model)
        codenames = [f"{action}_{model._meta.model_name}" for action in actions]
        permissions += Permission.objects.filter(content_type=content_type, codename__in=codenames)
    group.permissions.set(permissions)
