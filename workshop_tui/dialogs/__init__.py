"""The modal dialogs (forms and questions), below every widget and screen that opens them.

This package imports nothing from the screens, boards or controls.
"""
