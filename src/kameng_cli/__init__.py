"""kameng: assemble an evidence chain for a virtual-goods (卡盟) dispute and draft the complaint."""

__version__ = "0.1.0"
