from .demo import seed_tablet


def seed_demo(*, centres, scale, stdout):
    seed_tablet(centres=centres, stdout=stdout)
