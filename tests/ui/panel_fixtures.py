"""Small scripts for the activity panel tests: plain functions, each building one script."""

from __future__ import annotations

from workshop_tui.content.model import Script


def cynefin_script() -> Script:
    """One Cynefin part with three preloaded items and a prompt for every domain."""
    return Script.model_validate(
        {
            "id": "panel-cynefin",
            "title": "Cynefin board",
            "purpose": "Classify the work.",
            "duration": "30m",
            "parts": [
                {
                    "name": "Agree Type of Work",
                    "duration": "15m",
                    "activity": {
                        "kind": "cynefin",
                        "items": [
                            "Move customer records into the new CRM",
                            "Restore online bookings after the outage",
                            "Redesign sign-up to cut drop-off",
                        ],
                        "domain_prompts": {
                            "clear": "Is the answer obvious, with a known best practice?",
                            "complicated": "Does it need experts, with one right answer?",
                            "complex": "Will we only learn what works by trying?",
                            "chaotic": "Must we act now to stabilise things?",
                            "confused": "Do we disagree about where this belongs?",
                        },
                    },
                },
                {"name": "Wrap Up", "duration": "15m"},
            ],
        }
    )


def promises_script() -> Script:
    """One promises part: two parties, the first with two preloaded promises."""
    return Script.model_validate(
        {
            "id": "panel-promises",
            "title": "Promises",
            "purpose": "Agree who does what.",
            "duration": "30m",
            "parts": [
                {
                    "name": "Negotiate Promises",
                    "duration": "20m",
                    "activity": {
                        "kind": "promises",
                        "parties": [
                            {
                                "name": "Delivery team",
                                "promises": [
                                    {
                                        "text": "A usable increment every Sprint",
                                        "detail": "Starting with Sprint 1; no set-up Sprints.",
                                    },
                                    "A Scrum Master who keeps the collaboration working",
                                ],
                            },
                            {"name": "Customer", "promises": ["Provide a Product Owner"]},
                        ],
                    },
                },
                {"name": "Wrap Up", "duration": "10m"},
            ],
        }
    )


def signoff_script() -> Script:
    """One sign-off part: three sections, one of them initialled by its own two roles."""
    return Script.model_validate(
        {
            "id": "panel-signoff",
            "title": "Sign-off",
            "purpose": "Initial the agreement.",
            "duration": "30m",
            "parts": [
                {
                    "name": "Sign the Agreement",
                    "duration": "20m",
                    "activity": {
                        "kind": "signoff",
                        "signatories": ["Customer sponsor", "Product Owner", "Delivery lead"],
                        "sections": [
                            {
                                "id": "type-of-work",
                                "title": "Type of work",
                                "text": "We agree the work is of the kinds placed on the Cynefin "
                                "board today, and we will plan and deliver it accordingly.",
                            },
                            {
                                "id": "delivery-promises",
                                "title": "Delivery team promises",
                                "text": "The Delivery team delivers a usable increment every "
                                "Sprint, including the first, with a dedicated team.",
                            },
                            {
                                "id": "keeping-it-alive",
                                "title": "Keeping the agreement alive",
                                "text": "We revisit this agreement at the first Sprint Review.",
                                "initials_by": ["Product Owner", "Scrum Master"],
                            },
                        ],
                    },
                },
                {"name": "Wrap Up", "duration": "10m"},
            ],
        }
    )


def decisions_script() -> Script:
    """One decisions part: a consent, a fist-of-five and a dot-voting question."""
    return Script.model_validate(
        {
            "id": "panel-decisions",
            "title": "Decisions",
            "purpose": "Decide how to work.",
            "duration": "30m",
            "parts": [
                {
                    "name": "Decide",
                    "duration": "20m",
                    "activity": {
                        "kind": "decisions",
                        "questions": [
                            {"question": "Do we start with two-week Sprints?"},
                            {
                                "question": "Can we commit to a Sprint Review every fortnight?",
                                "method": "fist_of_five",
                            },
                            {
                                "question": "Which product do we start with?",
                                "method": "dot_voting",
                                "options": ["Bookings", "Invoicing", "Reporting"],
                                "dots_per_person": 2,
                            },
                        ],
                    },
                },
                {"name": "Wrap Up", "duration": "10m"},
            ],
        }
    )


def actions_script() -> Script:
    """One actions part with two suggested follow-ups, one with a suggested owner."""
    return Script.model_validate(
        {
            "id": "panel-actions",
            "title": "Actions",
            "purpose": "Agree the follow-ups.",
            "duration": "30m",
            "parts": [
                {
                    "name": "Agree Actions",
                    "duration": "15m",
                    "activity": {
                        "kind": "actions",
                        "suggested": [
                            "Send the agreement to everyone who initialled it",
                            {"text": "Book the first Sprint Review", "owner": "Scrum Master"},
                        ],
                    },
                },
                {"name": "Wrap Up", "duration": "15m"},
            ],
        }
    )


def discussion_script() -> Script:
    """Two discussion parts, so notes of another part can be told apart."""
    return Script.model_validate(
        {
            "id": "panel-discussion",
            "title": "Discussion",
            "purpose": "Talk it through.",
            "duration": "30m",
            "parts": [
                {"name": "Introductions", "duration": "10m"},
                {
                    "name": "Hopes and Fears",
                    "duration": "20m",
                    "prompts": ["What would make this a success?"],
                },
            ],
        }
    )
