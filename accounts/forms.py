"""Sign-in form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Email


class LoginForm(FlaskForm):
    """E-mail and password."""

    email = EmailField(_l("E-mail"), validators=[
        DataRequired(message=_l("Enter your e-mail address.")),
        Email(message=_l("Enter a valid e-mail address."))])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(message=_l("Enter your password."))])
